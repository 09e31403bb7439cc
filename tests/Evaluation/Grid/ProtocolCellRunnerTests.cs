using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Grid;

/// <summary>Transfer cells through the real protocol (tiny surrogate, FGSM) on the fake defenses.</summary>
public sealed class ProtocolCellRunnerTests
{
    [Test]
    public void Run_PureBlackBoxTransfer_ScoredPerExampleAndExamplesSharedAcrossDefenses()
    {
        using var world = new FakeWorld(protocol: true, null);
        var summary = world.Run();
        var outcomes = world.Store.Load("fake");
        var transfer = outcomes.Where(o => o.Cell.Kind == CellKinds.Transfer).ToList();
        var report = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, outcomes, withFigures: false);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Failed, Is.Zero, string.Join("; ", outcomes.Select(o => o.Error).Where(e => e is not null)));
            Assert.That(transfer, Has.Count.EqualTo(3));
            Assert.That(transfer.Select(o => o.Examples.Count), Is.All.EqualTo(world.Config.AttackedPoints));
            Assert.That(transfer.Select(o => o.Metrics[MetricNames.Points]), Is.All.EqualTo(world.Config.AttackedPoints));
            Assert.That(transfer.Select(o => o.Metrics.ContainsKey(MetricNames.SurrogateSuccessRate)), Is.All.True);
            Assert.That(transfer.Select(o => o.Metrics["examples-reused"]), Is.EqualTo(new[] { 0.0, 1.0, 1.0 }), "crafted once, reused by the next defenses");
            Assert.That(transfer.Select(o => o.Manifest.WeightSha256.ContainsKey("pure-blackbox/surrogate")), Is.All.True);
            foreach (var o in transfer)
                Assert.That(o.Metrics[MetricNames.DefenseAccuracy], Is.EqualTo(1 - o.Examples.Count(e => e.Success) / (double)o.Examples.Count).Within(1e-12));
            Assert.That(transfer.Single(o => o.Cell.Defense == RejectingDefense.DefenseId).Examples.Where(e => e.Rejected).Select(e => e.Success), Is.All.False);
            Assert.That(report.Attacks.Where(a => a.Kind == CellKinds.Transfer && a.Defense != world.Config.Baseline).Select(a => a.Delta), Is.All.Not.Null);
            Assert.That(report.WorstCase.Select(w => w.Defense), Is.EquivalentTo(world.Config.AllDefenses));
        });
    }
}
