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

    [Test]
    public void Run_OracleRowOfAttacksAndGoals_OneSurrogatePerDefenseAndASecondRunnerLoadsItWithSameNumbers()
    {
        using var world = new FakeWorld(protocol: true, null);
        var basis = world.Cells.First(c => c.Kind == CellKinds.Transfer) with { Adversary = "oracle-jacobian", Q = 0.5 };
        var cells = (from defense in new[] { RejectingDefense.DefenseId, DecodingDefense.DefenseId }
                     from attack in new[] { "fgsm", "pgd" }
                     from goal in new[] { "untargeted", "targeted" }
                     select basis with { Defense = defense, Attack = attack, Goal = goal }).ToList();

        List<CellOutcome> first, second;
        IReadOnlyList<Robustness.Evaluation.Protocol.CacheCounts> firstCaches, secondCaches;
        using (var runner = world.NewProtocolRunner())
        {
            first = cells.Select(c => runner.Run(c, CancellationToken.None)).ToList();
            firstCaches = runner.Caches;
        }
        using (var runner = world.NewProtocolRunner())
        {
            second = cells.Select(c => runner.Run(c, CancellationToken.None)).ToList();
            secondCaches = runner.Caches;
        }
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(o => o.Status), Is.All.EqualTo(CellStatus.Ok), string.Join("; ", first.Select(o => o.Error)));
            Assert.That(firstCaches[0], Is.EqualTo(new Robustness.Evaluation.Protocol.CacheCounts("surrogates", 6, 0, 2)), "one surrogate per defense, reused by its 3 other attack/goal cells");
            Assert.That(firstCaches[1], Is.EqualTo(new Robustness.Evaluation.Protocol.CacheCounts("clean predictions", 6, 0, 2)));
            Assert.That(secondCaches[0], Is.EqualTo(new Robustness.Evaluation.Protocol.CacheCounts("surrogates", 6, 2, 0)), "the second runner loads both surrogates from the store");
            Assert.That(secondCaches[1], Is.EqualTo(new Robustness.Evaluation.Protocol.CacheCounts("clean predictions", 6, 2, 0)));
            foreach (var (a, b) in first.Zip(second))
            {
                Assert.That(b.Metrics[MetricNames.Queries], Is.EqualTo(a.Metrics[MetricNames.Queries]).And.GreaterThan(0), "the surrogate's query count is reported again");
                Assert.That(b.Metrics.Where(m => m.Key != "examples-reused"), Is.EquivalentTo(a.Metrics.Where(m => m.Key != "examples-reused")));
                Assert.That(b.Examples, Is.EqualTo(a.Examples));
                Assert.That(b.Manifest.WeightSha256, Is.EqualTo(a.Manifest.WeightSha256));
            }
        });
    }
}
