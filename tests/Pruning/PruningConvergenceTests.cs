namespace Robustness.Pruning.Tests;

public sealed class PruningConvergenceTests
{
    private static PruningEpochLog Epoch(int epoch, double accuracy) =>
        new(epoch, epoch + 1, 0.01, 0.99, true, true, true, 0.1, 1.0, 0.5, accuracy);

    private static PruningRun Run(string dataset, string variant, double dense, params double[] accuracies) =>
        new(dataset, "quick", new PruningSummary("vanilla/net", variant, 0, accuracies.Length, 0, dense, accuracies.LastOrDefault(), accuracies.LastOrDefault(),
            0.8, 0.8, 100, 20, 1, 1, 0, accuracies.Select((a, i) => Epoch(i + 1, a)).ToList()));

    [Test]
    public void EpochsToReach_FirstEpochAtOrAboveTarget_ElseNull()
    {
        var log = new[] { Epoch(1, 0.5), Epoch(2, 0.85), Epoch(3, 0.84), Epoch(4, 0.9) };
        Assert.That(PruningConvergence.EpochsToReach(log, 0.85), Is.EqualTo(2));
        Assert.That(PruningConvergence.EpochsToReach(log, 0.86), Is.EqualTo(4));
        Assert.That(PruningConvergence.EpochsToReach(log, 0.95), Is.Null);
    }

    [Test]
    public void MarkdownTable_SlrAndAdmm_RowPerRunWithEpochsToTargetOfDense()
    {
        var runs = new[]
        {
            Run("fashion-mnist", "admm-0.8-irregular", 0.90, 0.60, 0.80, 0.86),
            Run("fashion-mnist", "slr-0.8-irregular", 0.90, 0.70, 0.86, 0.88),
            Run("fashion-mnist", "magnitude-0.8-irregular", 0.90),
        };
        var table = PruningConvergence.MarkdownTable(runs, 0.95).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // target 0.95 · 90 % = 85.5 %: SLR reaches it after epoch 2, ADMM after epoch 3; magnitude has no epochs.
        Assert.That(table[0], Is.EqualTo("| dataset | run | dense | epoch 1 | epoch 2 | epoch 3 | epochs to 95 % of dense |"));
        Assert.That(table[2], Is.EqualTo("| fashion-mnist | admm-0.8-irregular | 90.00 % | 60.00 % | 80.00 % | 86.00 % | 3 |"));
        Assert.That(table[3], Is.EqualTo("| fashion-mnist | slr-0.8-irregular | 90.00 % | 70.00 % | 86.00 % | 88.00 % | 2 |"));
        Assert.That(table, Has.Length.EqualTo(4));
    }

    [Test]
    public void MarkdownTable_TargetNeverReached_SaysWithinHowManyEpochs()
    {
        var table = PruningConvergence.MarkdownTable([Run("cifar10", "slr-0.8-irregular", 0.9, 0.5, 0.6)], 0.95);
        Assert.That(table, Does.Contain("| not within 2 |"));
    }

    [Test]
    public void Comparable_GroupsByDatasetAndSparsity()
    {
        var groups = PruningConvergence.Comparable([
            Run("cifar10", "slr-0.8-irregular", 0.7, 0.5), Run("cifar10", "admm-0.8-irregular", 0.7, 0.4),
            Run("cifar10", "slr-0.9-irregular", 0.7, 0.3), Run("fashion-mnist", "slr-0.8-irregular", 0.9, 0.8),
        ]).ToList();
        Assert.That(groups.Select(g => (g.Key.Dataset, g.Key.Sparsity, g.Count())),
            Is.EqualTo(new[] { ("cifar10", "0.8-irregular", 2), ("cifar10", "0.9-irregular", 1), ("fashion-mnist", "0.8-irregular", 1) }));
    }
}
