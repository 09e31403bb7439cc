using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>Used when no network trainer is registered: defenses that train through it fail with a clear error.</summary>
internal sealed class UnavailableNetworkTrainerProvider : INetworkTrainerProvider
{
    public INetworkTrainer For(string variantId, DatasetProfile profile, EvaluationEnvironment environment) => new Unavailable(variantId);

    private sealed class Unavailable(string variantId) : INetworkTrainer
    {
        public string VariantId => variantId;

        public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data) =>
            throw new InvalidOperationException($"No network trainer is registered: cannot train {request.Owner}/{request.Role} for variant '{variantId}'.");
    }
}
