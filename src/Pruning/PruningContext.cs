using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning;

/// <summary>What a pruning method works on: the network, its pruned layers, the projection and the training loop.</summary>
public sealed class PruningContext(
    nn.Module<Tensor, Tensor> network,
    IReadOnlyList<PrunableLayer> layers,
    ISparsityProjection projection,
    LabeledImages train,
    LabeledImages evaluation,
    EpochRunner runner,
    Device device,
    int epochs,
    TrainingLoss? loss = null,
    IProgress<TrainingProgress>? progress = null,
    Action<PruningEpochLog>? onEpoch = null)
{
    public nn.Module<Tensor, Tensor> Network => network;
    public IReadOnlyList<PrunableLayer> Layers => layers;
    public ISparsityProjection Projection => projection;
    public LabeledImages Train => train;
    public LabeledImages Evaluation => evaluation;
    public EpochRunner Runner => runner;
    public Device Device => device;
    public int Epochs => epochs;
    public IProgress<TrainingProgress>? Progress => progress;

    public double TaskLoss(LabeledImages data) => Training.Evaluation.Loss(network, data, device, loss);

    public void Report(PruningEpochLog entry) => onEpoch?.Invoke(entry);

    /// <summary>Accuracy of the network hard-pruned to the sparsity set now; the weights are restored afterwards.</summary>
    public double HardPrunedAccuracy()
    {
        using var scope = NewDisposeScope();
        var saved = layers.Select(l => l.Weight.detach().clone()).ToList();
        using (var mask = PruningMask.Project(layers, projection)) mask.Apply();
        try
        {
            return Training.Evaluation.Accuracy(network, evaluation, device);
        }
        finally
        {
            using var noGrad = no_grad();
            for (var i = 0; i < layers.Count; i++) layers[i].Weight.copy_(saved[i]);
        }
    }
}
