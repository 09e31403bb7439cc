using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>Everything a defense needs to fit itself: data, profile, shared services, device, seed.</summary>
/// <param name="Dataset">Which dataset (shape, classes).</param>
/// <param name="Train">The training set as the profile defines it (CPU tensors, owned by the caller).</param>
/// <param name="Profile">smoke / quick / paper settings for this dataset.</param>
/// <param name="Networks">Trains or loads every network a defense owns (cached, resumable, variant-aware).</param>
public sealed record DefenseContext(
    DatasetInfo Dataset,
    LabeledImages Train,
    DatasetProfile Profile,
    INetworkTrainer Networks,
    IModelZoo Zoo,
    Device Device,
    long Seed,
    IProgress<TrainingProgress>? Progress = null)
{
    /// <summary>
    /// The one way a defense gets a trained network: seeds the initial weights with <paramref name="request"/>'s seed
    /// (the seed in its artefact key), creates the network, moves it to <see cref="Device"/>, trains it on
    /// <see cref="Train"/> or loads it from the artefact store, and leaves it in evaluation mode. The caller owns it.
    /// </summary>
    /// <remarks>
    /// TorchSharp modules draw their initial weights from the global generator in their constructors and take no
    /// <see cref="Generator"/>, so the seed is set globally here, right before <paramref name="create"/>, and nowhere
    /// else in the defenses. Everything a defense draws itself (test-time noise, transforms) uses its own Generator.
    /// </remarks>
    public (T Network, TrainingReport Report) TrainOrLoad<T>(NetworkRequest request, Func<T> create) where T : nn.Module<Tensor, Tensor>
    {
        ArgumentNullException.ThrowIfNull(request);
        torch.manual_seed(request.Seed);
        var network = create();
        try
        {
            network.to(Device);
            var report = Networks.TrainOrLoad(request, network, Train);
            network.eval();
            return (network, report);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary><see cref="TrainOrLoad{T}"/> for a zoo model: <paramref name="request"/>'s architecture built with <paramref name="spec"/>.</summary>
    public nn.Module<Tensor, Tensor> TrainOrLoadZooModel(NetworkRequest request, ModelSpec spec) =>
        TrainOrLoad(request, () => Zoo.Create(request.ArchitectureId, spec)).Network;
}
