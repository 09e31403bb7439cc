using Robustness.Core.Artefacts;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// The real <see cref="NetworkTrainer"/> over a fresh temporary artefact store (deleted on dispose), recording
/// every request so tests can check what a defense asked to train.
/// </summary>
public sealed class RecordingNetworkTrainer : INetworkTrainer, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly NetworkTrainer inner;

    public RecordingNetworkTrainer() => inner = new NetworkTrainer(new ArtefactStore(directory.Path), CPU);

    public string VariantId => inner.VariantId;

    public List<NetworkRequest> Requests { get; } = [];

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
        return inner.TrainOrLoad(request, network, data);
    }

    public void Dispose() => directory.Dispose();
}
