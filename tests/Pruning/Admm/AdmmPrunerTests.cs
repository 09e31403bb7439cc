using Robustness.Pruning.Admm;
using Robustness.Pruning.Tests.Support;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Admm;

public sealed class AdmmPrunerTests
{
    [Test]
    public void Prune_GrowingRho_UpdatesZEveryFewEpochsAndGrowsRhoAfterEach()
    {
        using var problem = TinyProblem.Trained(count: 64);
        using var network = problem.CopyOfNetwork();
        var options = new PruningOptions
        {
            Epochs = 4, RetrainEpochs = 0, BatchSize = 16,
            Admm = new AdmmOptions(Rho: 0.1, UpdateEvery: 2, RhoGrowth: 2, MaxRho: 10),
        };
        using var result = new NetworkPruner(options).Prune(network, PruningSpec.Parse("admm-0.8-irregular"), problem.Train, problem.Test, CPU, seed: 2);

        Assert.That(result.Log.Select(l => l.ZUpdated), Is.EqualTo(new[] { false, true, false, true }));
        Assert.That(result.Log.Select(l => l.Rho), Is.EqualTo(new[] { 0.1, 0.1, 0.2, 0.2 }).Within(1e-12));
        Assert.That(result.Log.All(l => l.WConditionHeld is null && double.IsNaN(l.StepSize)), Is.True);
    }
}
