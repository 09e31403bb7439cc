using Robustness.Core.Training;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Sparse;
using Robustness.Pruning.Tests.Support;
using Robustness.Pruning.Training;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Sparse;

public sealed class TrainThenPruneVersusSparseTests
{
    [Test]
    public void Compare_EqualSparsityAndTrainingFlops_ReportsBothAccuracies()
    {
        const double ratio = 0.9;
        using var problem = TinyProblem.Trained(count: 256);
        var denseRecipe = new TrainingRecipe { Epochs = 4, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 3e-3, WeightDecay = 0, Schedule = LearningRateSchedule.Constant };
        using var network = problem.CopyOfNetwork();
        var options = new PruningOptions { Epochs = 2, RetrainEpochs = 1, BatchSize = 32 };
        using var pruned = new NetworkPruner(options).Prune(network, PruningSpec.Parse("slr-0.9-irregular"), problem.Train, problem.Test, CPU, seed: 4);
        var imageShape = problem.Train.Images.shape.Skip(1).ToArray();
        var denseFlops = (double)SparsityAccounting.Measure(problem.Network, imageShape, []).DenseFlops;
        var trainThenPrune = 3 * denseFlops * problem.Train.Count * denseRecipe.Epochs + pruned.TrainingFlops;

        // RigL gets as many epochs as fit in the same training FLOPs at its sparse cost.
        var sparseFlops = (double)pruned.Sparsity.SparseFlops;
        var rigL = new RigLTrainer(new RigLOptions(UpdateInterval: 8));
        var rigLEpochs = rigL.EpochsWithinBudget(trainThenPrune, sparseFlops, denseFlops, problem.Train.Count, denseRecipe.BatchSize);
        using var fresh = TinyNetworks.Cnn(3, seed: 11, width: 8);
        using var sparse = rigL.Train(fresh, problem.Train, problem.Test, ratio,
            new PruningScope(), denseRecipe with { Epochs = rigLEpochs }, CPU, seed: 4);

        TestContext.Out.WriteLine(FormattableString.Invariant(
            $"train-then-prune (4 dense + 2 SLR + 1 retrain epochs): accuracy {pruned.RetrainedAccuracy:P1}, sparsity {pruned.Sparsity.PrunedLayerSparsity:P1}, training FLOPs {trainThenPrune:E2}"));
        TestContext.Out.WriteLine(FormattableString.Invariant(
            $"sparse-from-start RigL ({rigLEpochs} epochs): accuracy {sparse.Accuracy:P1}, sparsity {sparse.Sparsity.PrunedLayerSparsity:P1}, training FLOPs {sparse.TrainingFlops:E2}"));
        Assert.That(sparse.Sparsity.PrunedLayerSparsity, Is.EqualTo(pruned.Sparsity.PrunedLayerSparsity).Within(1e-3));
        Assert.That(sparse.TrainingFlops, Is.LessThanOrEqualTo(trainThenPrune));
        Assert.That(rigLEpochs, Is.GreaterThan(denseRecipe.Epochs), "at 90 % sparsity the same FLOPs buy more epochs");
    }
}
