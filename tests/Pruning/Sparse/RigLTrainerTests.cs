using Robustness.Core.Training;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Sparse;
using Robustness.Pruning.Tests.Support;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Sparse;

public sealed class RigLTrainerTests
{
    [Test]
    public void Update_OneLayer_DropsWeakestGrowsLargestGradientAndKeepsCount()
    {
        using var scope = NewDisposeScope();
        var weight = tensor(new[] { 5f, 0.1f, 3f, 0f, 0f, 0f });
        var mask = tensor(new[] { 1f, 1f, 1f, 0f, 0f, 0f });
        var gradient = tensor(new[] { 0f, 0f, 0f, 0.2f, -9f, 1f });
        var moved = DropAndGrow.Update(weight, gradient, mask, 0.34); // k = floor(0.34 · 3) = 1

        Assert.That(moved, Is.EqualTo(1));
        Assert.That(mask.data<float>().ToArray(), Is.EqualTo(new[] { 1f, 0f, 1f, 0f, 1f, 0f }));
        Assert.That(weight[4].item<float>(), Is.Zero, "grown weights start at zero");
    }

    [Test]
    public void FractionAt_CosineSchedule_DecaysToZeroAtStop()
    {
        var options = new RigLOptions(UpdateFraction: 0.3, StopFraction: 0.5);
        Assert.That(options.FractionAt(0, 100), Is.EqualTo(0.3).Within(1e-12));
        Assert.That(options.FractionAt(25, 100), Is.EqualTo(0.15).Within(1e-12));
        Assert.That(options.FractionAt(50, 100), Is.Zero);
    }

    [Test]
    public void Train_TinyProblem_KeepsExactSparsityWhileMasksMove()
    {
        using var problem = TinyProblem.Trained(count: 128);
        using var network = TinyNetworks.Cnn(3, seed: 5, width: 8);
        var recipe = new TrainingRecipe { Epochs = 2, BatchSize = 16, Optimizer = OptimizerKind.Adam, LearningRate = 3e-3, WeightDecay = 0, Schedule = LearningRateSchedule.Constant };
        using var initial = RigLTrainer.RandomMask(LayerSelection.Select(network, 0.8, new PruningScope()), seed: 3);
        using var result = new RigLTrainer(new RigLOptions(UpdateInterval: 4)).Train(network, problem.Train, problem.Test, 0.8,
            new PruningScope(), recipe, CPU, seed: 3);

        Assert.That(result.Updates, Is.GreaterThan(0));
        Assert.That(result.MaskChanges, Is.GreaterThan(0));
        foreach (var layer in result.Mask.Layers)
        {
            var kept = layer.Weight.numel() - (long)Math.Round(0.8 * layer.Weight.numel());
            Assert.That(result.Mask.Kept(layer.Name), Is.EqualTo(kept), layer.Name);
            Assert.That((layer.Weight * (1 - result.Mask[layer.Name])).count_nonzero().item<long>(), Is.Zero, layer.Name);
            Assert.That(result.Mask[layer.Name].allclose(initial[layer.Name], rtol: 0, atol: 0), Is.False, $"{layer.Name}: drop-and-grow moved the mask");
        }
        Assert.That(result.Sparsity.PrunedLayerSparsity, Is.GreaterThanOrEqualTo(0.8 - 1e-3));
        TestContext.Out.WriteLine($"RigL 0.8: accuracy {result.Accuracy:P1}, {result.Updates} updates, {result.MaskChanges} weights moved, training FLOPs {result.TrainingFlops:E2}");
    }
}
