using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Nightly;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Tests.Nightly;

public sealed class NightlyComparerTests
{
    private static CellOutcome Outcome(string defense, double accuracy, CellStatus status = CellStatus.Ok) => new(
        new GridCell(CellKinds.Transfer, "smoke", "cifar10", "dense", defense, 0, 10, "pure-blackbox", 1, "pgd", "untargeted"), status,
        new Dictionary<string, double> { [MetricNames.DefenseAccuracy] = accuracy }, [], new Dictionary<string, double>(), ProvenanceManifest.Empty("smoke"));

    [Test]
    public void Compare_DropBeyondTolerance_IsARegression()
    {
        var result = NightlyComparer.Compare("base", [Outcome("a", 0.50), Outcome("b", 0.50)], "now", [Outcome("a", 0.49), Outcome("b", 0.40)], new NightlyTolerances { DefenseAccuracy = 0.03 });
        Assert.Multiple(() =>
        {
            Assert.That(result.HasRegression, Is.True);
            Assert.That(result.Rows.Where(r => r.Regression).Select(r => r.Description), Has.Exactly(1).Contain(" b "));
        });
    }

    [Test]
    public void Compare_ImprovementOrWithinTolerance_IsNotARegression()
    {
        var result = NightlyComparer.Compare("base", [Outcome("a", 0.50)], "now", [Outcome("a", 0.48), Outcome("c", 0.1)], new NightlyTolerances());
        Assert.Multiple(() =>
        {
            Assert.That(result.HasRegression, Is.False);
            Assert.That(result.Rows.Single(r => r.Description.Contains(" c ")).Note, Does.Contain("new cell"));
        });
    }

    [Test]
    public void Compare_CellNowFailsOrMissing_IsARegression()
    {
        var failed = NightlyComparer.Compare("base", [Outcome("a", 0.5)], "now", [Outcome("a", 0, CellStatus.Failed)], new NightlyTolerances());
        var missing = NightlyComparer.Compare("base", [Outcome("a", 0.5)], "now", [], new NightlyTolerances());
        Assert.That(new[] { failed.HasRegression, missing.HasRegression }, Is.All.True);
    }
}
