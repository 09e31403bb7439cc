using System.Diagnostics;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Runs the cells of a run that the store does not hold yet, committing each one atomically as it finishes.
/// A killed process resumes where it stopped: committed cells are skipped, a half-done cell is recomputed.
/// A throwing cell fails alone; its error is stored and reported.
/// </summary>
public sealed class GridRunner(IResultsStore store, ICellRunner runner)
{
    /// <summary>Announces a cell just before it starts (used by the console display and scale-out logs).</summary>
    public event Action<GridCell>? CellStarting;

    public GridRunSummary Run(string runId, IReadOnlyList<GridCell> cells, IProgress<GridProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var completed = store.CompletedCells(runId);
        var pending = cells.Where(c => !completed.Contains(c.Id)).ToList();
        int skipped = cells.Count - pending.Count, done = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        progress?.Report(new GridProgress(cells.Count, skipped, 0, 0, null, clock.Elapsed));
        foreach (var cell in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new GridProgress(cells.Count, skipped, done, failed, cell, clock.Elapsed));
            CellStarting?.Invoke(cell);
            var outcome = RunOne(cell, cancellationToken);
            store.Commit(runId, outcome);
            done++;
            if (outcome.Status == CellStatus.Failed) failed++;
            progress?.Report(new GridProgress(cells.Count, skipped, done, failed, null, clock.Elapsed));
        }
        return new GridRunSummary(runId, cells.Count, skipped, done, failed, clock.Elapsed);
    }

    /// <summary>Computes one cell without committing it; exceptions become a failed outcome.</summary>
    public CellOutcome RunOne(GridCell cell, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        CellOutcome outcome;
        try
        {
            outcome = runner.Run(cell, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            outcome = CellOutcome.Failure(cell, e, ProvenanceManifest.Empty(cell.Profile), new Dictionary<string, double>());
        }
        var timings = new Dictionary<string, double>(outcome.Timings) { ["total"] = clock.Elapsed.TotalSeconds };
        return outcome with { Timings = timings, FinishedUtc = DateTimeOffset.UtcNow, ComputationId = Guid.NewGuid().ToString("N") };
    }
}
