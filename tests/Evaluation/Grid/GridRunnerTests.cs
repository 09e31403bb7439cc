using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Grid;

public sealed class GridRunnerTests
{
    [Test]
    public void Run_SecondTime_SkipsCommittedCells()
    {
        using var world = new FakeWorld();
        var first = world.Run();
        var ids = world.Store.Load("fake").ToDictionary(o => o.Cell.Id, o => o.ComputationId);
        var second = world.Run();
        Assert.Multiple(() =>
        {
            Assert.That(first.Computed, Is.EqualTo(world.Cells.Count));
            Assert.That(second.Computed, Is.Zero);
            Assert.That(second.Skipped, Is.EqualTo(world.Cells.Count));
            Assert.That(world.Store.Load("fake").ToDictionary(o => o.Cell.Id, o => o.ComputationId), Is.EqualTo(ids));
        });
    }

    [Test]
    public void Run_PluginThrowsInFit_FailsOnlyItsCellsWithTheErrorInTheReport()
    {
        using var world = new FakeWorld(null, ShiftedDefense.DefenseId, ThrowingDefense.DefenseId);
        var summary = world.Run();
        var outcomes = world.Store.Load("fake");
        var failed = outcomes.Where(o => o.Status == CellStatus.Failed).ToList();
        var html = HtmlReport.Render(ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, outcomes, withFigures: false));
        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(o => o.Cell.Defense).Distinct(), Is.EqualTo(new[] { ThrowingDefense.DefenseId }));
            Assert.That(summary.Failed, Is.EqualTo(failed.Count).And.EqualTo(2), "its clean and noise cells");
            Assert.That(failed.All(o => o.Error!.Contains("plug-in exploded in Fit")), Is.True);
            Assert.That(outcomes.Where(o => o.Cell.Defense != ThrowingDefense.DefenseId).All(o => o.Status == CellStatus.Ok), Is.True);
            Assert.That(html, Does.Contain("table-failures").And.Contain("plug-in exploded in Fit"));
        });
    }

    [Test]
    public void Run_UnknownKind_FailsWithAClearMessage()
    {
        using var world = new FakeWorld();
        var cell = world.Cells[0] with { Kind = CellKinds.Transfer, Adversary = "pure-blackbox", Q = 1, Attack = "pgd", Goal = "untargeted" };
        var outcome = world.Runner.RunOne(cell, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Status, Is.EqualTo(CellStatus.Failed));
            Assert.That(outcome.Error, Does.Contain("'transfer'"));
        });
    }
}
