using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// Trains a network, or loads it when an artefact with the same key exists; checkpoints every epoch and resumes
/// a killed run. After training it applies the context's network variant (dense: nothing; pruned: prune and
/// retrain with masks), so every network of every defense goes through the same variant.
/// </summary>
public interface INetworkTrainer
{
    /// <summary>The variant applied to every trained network ("dense", or e.g. "slr-0.8-irregular").</summary>
    string VariantId { get; }

    /// <param name="network">Freshly created on the target device; its weights are replaced by the trained ones.</param>
    TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data);
}
