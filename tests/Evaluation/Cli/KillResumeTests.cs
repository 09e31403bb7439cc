using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>The real CLI process is killed in the middle of a cell, then rerun.</summary>
public sealed class KillResumeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Test]
    public void Evaluate_KilledMidCellThenRerun_SkipsCommittedCellsAndMatchesAnUninterruptedRun()
    {
        using var grid = new PluginGrid();
        var full = Path.Combine(grid.Root, "full.db");
        var killed = Path.Combine(grid.Root, "killed.db");
        var uninterrupted = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(full, Path.Combine(grid.Root, "reports-full")));
        Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Stderr + uninterrupted.Stdout);

        // Kill as soon as the third cell (the first one of seed 1, which fits that seed's defense) has started.
        string victim;
        using (var run = new CliProcess(grid.Root, grid.Evaluate(killed, Path.Combine(grid.Root, "reports-killed"))))
        {
            var third = run.WaitForLine(l => l.StartsWith("start ", StringComparison.Ordinal) && Count(run.Stdout, "start ") >= 3, Timeout);
            Assert.That(third, Is.Not.Null, "the run never reached its third cell: " + run.Stderr + run.Stdout);
            run.Kill();
            victim = third!.Split(' ')[1];
        }
        Dictionary<string, string> before;
        using (var store = SqliteResultsStore.Open(killed))
            before = store.Load(PluginGrid.RunId).ToDictionary(o => o.Cell.Id, o => o.ComputationId);
        Assert.Multiple(() =>
        {
            Assert.That(before, Has.Count.EqualTo(2), "cells of seed 0 were committed before the kill");
            Assert.That(before.ContainsKey(victim), Is.False, "the killed cell left nothing behind");
        });

        var resumed = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(killed, Path.Combine(grid.Root, "reports-killed")));
        Assert.That(resumed.ExitCode, Is.Zero, resumed.Stderr + resumed.Stdout);
        Assert.That(Count(resumed.Stdout, "start "), Is.EqualTo(4), "only the 4 missing cells ran again");

        using var a = SqliteResultsStore.Open(full);
        using var b = SqliteResultsStore.Open(killed);
        var expected = a.Load(PluginGrid.RunId).ToDictionary(o => o.Cell.Id);
        var actual = b.Load(PluginGrid.RunId).ToDictionary(o => o.Cell.Id);
        Assert.Multiple(() =>
        {
            Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
            foreach (var (id, computation) in before)
                Assert.That(actual[id].ComputationId, Is.EqualTo(computation), $"cell {id} was recomputed");
            foreach (var (id, outcome) in expected)
            {
                Assert.That(actual[id].Status, Is.EqualTo(CellStatus.Ok), actual[id].Error);
                Assert.That(actual[id].Metrics, Is.EqualTo(outcome.Metrics), $"metrics of {outcome.Cell.Describe()}");
                Assert.That(actual[id].Examples, Is.EqualTo(outcome.Examples), $"examples of {outcome.Cell.Describe()}");
            }
            Assert.That(expected.Values.Where(o => o.Cell.Kind == CellKinds.Clean).Select(o => o.Metrics[MetricNames.CleanAccuracy]), Is.All.InRange(0.0, 1.0));
        });
    }

    private static int Count(string text, string prefix) => text.Split('\n').Count(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
