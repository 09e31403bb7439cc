using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Tests.Support;
using Robustness.Attacks.WhiteBox;
using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

public sealed class WhiteBoxSweepTests
{
    private static WhiteBoxSweep Sweep()
    {
        var provider = new ServiceCollection().AddRobustnessAttacks().BuildServiceProvider();
        return new WhiteBoxSweep(provider.GetRequiredService<AttackFactory>());
    }

    [Test]
    public void Run_EpsilonList_OneRowPerEpsilonRobustAccuracyFallsAsSuccessRises()
    {
        var rows = Sweep().Run(TrainedCnn.Model, TrainedCnn.Test, AttackIds.Pgd, null, [0.01, 0.05, 0.2], NormKind.Linf, false, seed: 1, chunk: 64);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Epsilon), Is.EqualTo(new double?[] { 0.01, 0.05, 0.2 }));
            Assert.That(rows.All(r => r.CleanAccuracy == 1.0), Is.True, "the held-out set holds correctly classified points only");
            foreach (var r in rows) Assert.That(r.RobustAccuracy, Is.EqualTo(1 - r.SuccessRate).Within(1e-6), "clean-correct points: robust = 1 − success");
            Assert.That(rows[2].SuccessRate, Is.GreaterThan(rows[0].SuccessRate));
            Assert.That(rows.All(r => r.MeanLinf <= r.Epsilon!.Value * (1 + 1e-5)), Is.True);
        });
    }

    [Test]
    public void Run_UnboundedAttack_OneRowWithoutEpsilon()
    {
        using var points = TrainedCnn.Test.Take(16);
        var rows = Sweep().Run(TrainedCnn.Model, points, AttackIds.CarliniWagnerL2,
            Core.Profiles.ProfileCatalog.Default().Get(Core.Profiles.ProfileNames.Smoke, Core.Data.DatasetIds.Cifar10), [0.1, 0.2], NormKind.Linf, false, 1);
        Assert.That(rows.Select(r => r.Epsilon), Is.EqualTo(new double?[] { null }));
    }

    [Test]
    public void Targets_AnySeed_NeverTheTrueLabelAndReproducible([Values(0, 1, 2)] int seed)
    {
        using var scope = NewDisposeScope();
        var labels = arange(1000, dtype: int64).remainder(10);
        var targets = WhiteBoxSweep.Targets(labels, 10, seed);
        Assert.Multiple(() =>
        {
            Assert.That(targets.eq(labels).any().item<bool>(), Is.False);
            Assert.That(targets.equal(WhiteBoxSweep.Targets(labels, 10, seed)).all().item<bool>(), Is.True);
            Assert.That(targets.unique().Item1.shape[0], Is.EqualTo(10));
        });
    }
}
