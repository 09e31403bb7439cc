using System.Text.Json;
using Microsoft.Data.Sqlite;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>plan, run-cell, report and nightly through the real CLI on the one-seed plug-in grid (2 cells).</summary>
public sealed class GridCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Test]
    public void PlanRunCellReport_OneCellAtATime_CommitsItSkipsItThenRenders()
    {
        using var grid = new PluginGrid("0");
        var store = Path.Combine(grid.Root, "r.db");
        var reports = Path.Combine(grid.Root, "reports");
        var cells = Path.Combine(grid.Root, "cells.json");

        var plan = CliProcess.Run(grid.Root, Timeout, grid.Command("plan", store, reports, "--out", cells));
        var first = CliProcess.Run(grid.Root, Timeout, grid.Command("run-cell", store, reports, "--index", "1"));
        var again = CliProcess.Run(grid.Root, Timeout, grid.Command("run-cell", store, reports, "--index", "1"));
        var report = CliProcess.Run(grid.Root, Timeout, "report", "--store", store, "--reports", reports);

        using var json = JsonDocument.Parse(File.ReadAllText(cells));
        var planned = json.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        using var results = SqliteResultsStore.Open(store);
        var committed = results.Load(PluginGrid.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { plan.ExitCode, first.ExitCode, again.ExitCode, report.ExitCode }, Is.All.Zero, first.Stderr + report.Stderr);
            Assert.That(planned, Has.Count.EqualTo(2));
            Assert.That(committed.Select(o => o.Cell.Id), Is.EqualTo(new[] { planned[1] }));
            Assert.That(committed[0].Cell.Kind, Is.EqualTo(CellKinds.Noise));
            Assert.That(again.Stdout, Does.Contain("skip " + planned[1]));
            Assert.That(File.Exists(Path.Combine(reports, PluginGrid.RunId, "report.html")), Is.True);
        });
    }

    [Test]
    public void Nightly_SameNumbersThenABaselineThatWasBetter_PassesThenExitsOneWithADiff()
    {
        using var grid = new PluginGrid("0");
        var store = Path.Combine(grid.Root, "r.db");
        var reports = Path.Combine(grid.Root, "reports");
        var baseline = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, reports));
        Assert.That(baseline.ExitCode, Is.Zero, baseline.Stderr);

        var same = CliProcess.Run(grid.Root, Timeout, grid.Command("nightly", store, reports, "--baseline", PluginGrid.RunId, "--run", "night-1"));
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var raise = connection.CreateCommand();
            raise.CommandText = $"UPDATE cells SET metrics_json = json_set(metrics_json, '$.\"{MetricNames.CleanAccuracy}\"', 1.0) WHERE run_id = '{PluginGrid.RunId}' AND kind = 'clean'";
            Assert.That(raise.ExecuteNonQuery(), Is.EqualTo(1));
        }
        var worse = CliProcess.Run(grid.Root, Timeout, grid.Command("nightly", store, reports, "--baseline", PluginGrid.RunId, "--run", "night-2"));

        Assert.Multiple(() =>
        {
            Assert.That(same.ExitCode, Is.Zero, same.Stderr + same.Stdout);
            Assert.That(same.Stdout, Does.Contain("no regression"));
            Assert.That(worse.ExitCode, Is.EqualTo(1), worse.Stderr + worse.Stdout);
            Assert.That(File.ReadAllText(Path.Combine(reports, "night-2", "report.md")), Does.Contain("Nightly diff").And.Contain("REGRESSION"));
        });
    }
}
