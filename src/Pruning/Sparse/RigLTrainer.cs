using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Sparse;

/// <summary>
/// "Sparse from the start": trains a freshly initialised network at a fixed per-layer sparsity. Masks start
/// uniformly at random (seeded); every ΔT steps until T_end each layer drops its weakest active weights and grows
/// as many where the dense gradient is largest (RigL). Gradients are masked before each step, weights after it.
/// </summary>
public sealed class RigLTrainer(RigLOptions options)
{
    public RigLResult Train(nn.Module<Tensor, Tensor> network, LabeledImages train, LabeledImages evaluation, double ratio,
        PruningScope scope, TrainingRecipe recipe, Device device, long seed, IProgress<TrainingProgress>? progress = null)
    {
        options.Validate();
        var layers = LayerSelection.Select(network, ratio, scope);
        var mask = RandomMask(layers, seed);
        mask.Apply();
        var inputShape = train.Images.shape.Skip(1).ToArray();
        var denseFlops = (double)SparsityAccounting.Measure(network, inputShape, []).DenseFlops;
        var sparseFlops = (double)SparsityAccounting.Measure(network, inputShape, []).SparseFlops;
        var stepsPerEpoch = (train.Count + recipe.BatchSize - 1) / recipe.BatchSize;
        long totalSteps = (long)stepsPerEpoch * recipe.Epochs, step = 0, changes = 0;
        var updates = 0;
        var clock = Stopwatch.StartNew();

        void AfterBackward()
        {
            step++;
            if (step % options.UpdateInterval == 0 && options.FractionAt(step, totalSteps) is var fraction and > 0)
            {
                foreach (var layer in layers)
                    if (layer.Weight.grad is { } gradient)
                        changes += DropAndGrow.Update(layer.Weight, gradient, mask[layer.Name], fraction);
                updates++;
            }
            mask.MaskGradients();
        }

        using (var runner = new EpochRunner(network, recipe, device, seed))
        {
            for (var epoch = 0; epoch < recipe.Epochs; epoch++)
            {
                runner.LearningRate = LearningRates.At(recipe, (double)epoch / recipe.Epochs);
                runner.RunEpoch(train, afterBackward: AfterBackward, afterStep: mask.Apply, progress: progress,
                    name: "rigl", epoch: epoch + 1, epochs: recipe.Epochs);
            }
        }
        var sparsity = SparsityAccounting.Measure(network, inputShape, layers.Select(l => l.Name));
        var trainingFlops = 3 * sparseFlops * train.Count * recipe.Epochs + updates * (double)recipe.BatchSize * 2 * denseFlops;
        return new RigLResult(Evaluation.Accuracy(network, evaluation, device), sparsity, trainingFlops, clock.Elapsed.TotalSeconds,
            updates, changes, mask);
    }

    /// <summary>Each layer keeps a uniformly random set of exactly n − round(ratio·n) weights.</summary>
    public static PruningMask RandomMask(IReadOnlyList<PrunableLayer> layers, long seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var masks = layers.ToDictionary(l => l.Name, l => StructureSelection.KeepLargestAtRatio(rand(l.Weight.numel(), generator: generator), l.Ratio).reshape(l.Weight.shape));
        return PruningMask.FromTensors(layers, masks);
    }
}
