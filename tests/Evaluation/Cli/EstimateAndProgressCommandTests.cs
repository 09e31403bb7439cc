using Microsoft.Extensions.DependencyInjection;
using Robustness.Evaluation.Estimates;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>
/// `evaluate` on a smoke grid that trains two vanilla backbones, output redirected: it prints the estimate first and
/// training progress as plain lines; its cells record the seconds they spent training, and the estimate of the same
/// grid afterwards is exactly the recorded cell times — less the trainings whose artefacts are now stored.
/// </summary>
public sealed class EstimateAndProgressCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [Test]
    public void Evaluate_ThenEstimate_RecordedTimesPriceTheGridAndStoredTrainingDrops()
    {
        using var grid = new FaultGrid();
        var store = Path.Combine(grid.Root, "r.db");
        var artefacts = Path.Combine(grid.Root, "artefacts");
        var run = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, artefacts, Path.Combine(grid.Root, "reports")));
        var plan = CliProcess.Run(grid.Root, Timeout, "plan", "--estimate", "--config", grid.ConfigPath, "--store", store, "--artefacts", artefacts, "--run", "again");

        using var results = SqliteResultsStore.Open(store);
        var outcomes = results.Load(FaultGrid.RunId);
        var cells = outcomes.Select(o => o.Cell).ToList();
        using var services = new ServiceCollection().BuildServiceProvider();
        var withArtefacts = GridEstimates.For(services, null, cells, "again", results, artefacts, keepFailed: false);
        var withoutArtefacts = GridEstimates.For(services, null, cells, "again", results, Path.Combine(grid.Root, "empty"), keepFailed: false);
        var sameRun = GridEstimates.For(services, null, cells, FaultGrid.RunId, results, artefacts, keepFailed: false);
        var total = outcomes.Sum(o => o.Timings[TimingKeys.Total]);
        var training = outcomes.Sum(o => o.Timings[TimingKeys.TrainBackbones]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Does.StartWith($"estimate for {FaultGrid.RunId}: "));
            Assert.That(run.Stdout, Does.Contain("progress vanilla/backbone epoch 1/2 batch 1/"), "a plain progress line while the backbone trains");
            Assert.That(outcomes.Count(o => o.Timings[TimingKeys.TrainBackbones] > 0), Is.EqualTo(2), "one backbone per seed, trained by the first cell of its seed");
            Assert.That(withoutArtefacts.Seconds, Is.EqualTo(total).Within(1e-9), "nothing stored: every recorded second again");
            Assert.That(withArtefacts.Seconds, Is.EqualTo(total - training).Within(1e-9), "backbones stored: their training drops");
            Assert.That(withoutArtefacts.ModelledSeconds, Is.Zero);
            Assert.That(sameRun.Seconds, Is.Zero, "the run itself is done");
            Assert.That(plan.ExitCode, Is.Zero, plan.Stderr);
            Assert.That(plan.Stdout, Does.Contain($"{cells.Count} of {cells.Count} cells").And.Contain("from the built-in model (0 items)"));
        });
    }
}
