using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Pruning.Admm;
using Robustness.Pruning.Magnitude;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Slr;
using Robustness.Pruning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning;

/// <summary>
/// Prunes a trained network in place: the method's phase (SLR / ADMM / none), a hard prune to exact masks, masked
/// retraining (gradients masked before each step, weights re-masked after it), then sparsity and FLOP accounting.
/// </summary>
public sealed class NetworkPruner(PruningOptions options)
{
    public PruningOptions Options => options;

    public IPruningMethod MethodFor(PruningMethod method) => method switch
    {
        PruningMethod.Slr => new SlrPruner(options.Slr),
        PruningMethod.Admm => new AdmmPruner(options.Admm),
        PruningMethod.Magnitude => new MagnitudePruner(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown pruning method"),
    };

    /// <param name="evaluation">Data for the reported accuracies (a test set, or held-out training examples).</param>
    public PruningResult Prune(nn.Module<Tensor, Tensor> network, PruningSpec spec, LabeledImages train, LabeledImages evaluation,
        Device device, long seed, TrainingLoss? loss = null, BatchTransform? transform = null,
        IProgress<TrainingProgress>? progress = null, Action<PruningEpochLog>? onEpoch = null)
    {
        options.Validate();
        var layers = LayerSelection.Select(network, spec.Ratio, options.Scope);
        var projection = SparsityProjections.For(spec.Type);
        var inputShape = train.Images.shape.Skip(1).ToArray();
        var denseFlops = (double)SparsityAccounting.Measure(network, inputShape, []).DenseFlops;
        var denseAccuracy = Evaluation.Accuracy(network, evaluation, device);

        var clock = Stopwatch.StartNew();
        IReadOnlyList<PruningEpochLog> log;
        using (var runner = new EpochRunner(network, options.PhaseRecipe, device, seed, loss, transform))
        {
            var context = new PruningContext(network, layers, projection, train, evaluation, runner, device,
                spec.Method == PruningMethod.Magnitude ? 0 : options.Epochs, loss, progress, onEpoch);
            log = MethodFor(spec.Method).Run(context);
        }
        var phaseSeconds = clock.Elapsed.TotalSeconds;

        var mask = PruningMask.Project(layers, projection);
        mask.Apply();
        var hardPrunedAccuracy = Evaluation.Accuracy(network, evaluation, device);
        var sparseFlops = (double)SparsityAccounting.Measure(network, inputShape, []).SparseFlops;

        clock.Restart();
        Retrain(network, mask, train, device, seed + 1, loss, transform, progress);
        var retrainSeconds = clock.Elapsed.TotalSeconds;
        var retrainedAccuracy = Evaluation.Accuracy(network, evaluation, device);
        var sparsity = SparsityAccounting.Measure(network, inputShape, layers.Select(l => l.Name));
        var trainingFlops = 3 * train.Count * (log.Count * denseFlops + options.RetrainEpochs * sparseFlops);
        return new PruningResult(spec, options, seed, log, denseAccuracy, hardPrunedAccuracy, retrainedAccuracy, sparsity,
            phaseSeconds, retrainSeconds, trainingFlops, mask);
    }

    /// <summary>Masked retraining with a cosine-decayed learning rate; the mask stays exact throughout.</summary>
    public void Retrain(nn.Module<Tensor, Tensor> network, PruningMask mask, LabeledImages train, Device device, long seed,
        TrainingLoss? loss = null, BatchTransform? transform = null, IProgress<TrainingProgress>? progress = null)
    {
        using var runner = new EpochRunner(network, options.RetrainRecipe, device, seed, loss, transform);
        for (var epoch = 0; epoch < options.RetrainEpochs; epoch++)
        {
            runner.LearningRate = options.RetrainLearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / options.RetrainEpochs));
            runner.RunEpoch(train, afterBackward: mask.MaskGradients, afterStep: mask.Apply,
                progress: progress, name: "retrain", epoch: epoch + 1, epochs: options.RetrainEpochs);
        }
        mask.Apply();
    }
}
