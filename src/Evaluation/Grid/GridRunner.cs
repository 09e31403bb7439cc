using System.Diagnostics;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Runs the cells of a run that the store does not hold as done, committing each one atomically as it finishes.
/// A killed process resumes where it stopped: committed cells are skipped, a half-done cell is recomputed.
/// A throwing cell fails alone; its error is stored and reported, and the next run retries it (unless
/// <see cref="GridRunOptions.KeepFailed"/>). Before computing a cell the runner claims it in the store, so a
/// second process on the same run takes the next cell instead; a dead owner's claim is taken over.
/// A store that cannot be written (full disk, read-only) stops the run with a <see cref="ResultsStoreException"/>.
/// </summary>
public sealed class GridRunner(IResultsStore store, ICellRunner runner, GridRunOptions? options = null)
{
    private readonly GridRunOptions options = options ?? new GridRunOptions();

    /// <summary>Announces a cell just before it starts (used by the console display and scale-out logs).</summary>
    public event Action<GridCell>? CellStarting;

    public GridRunSummary Run(string runId, IReadOnlyList<GridCell> cells, IProgress<GridProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = store.CellStatuses(runId);
        var kept = options.KeepFailed ? cells.Count(c => stored.GetValueOrDefault(c.Id) == CellStatus.Failed) : 0;
        var pending = cells.Where(c => !IsDone(stored, c.Id)).ToList();
        int skipped = cells.Count - pending.Count, done = 0, failed = 0, retried = 0, elsewhere = 0;
        var clock = Stopwatch.StartNew();
        progress?.Report(new GridProgress(cells.Count, skipped, 0, kept, null, clock.Elapsed));
        var claim = CellClaim.ForThisProcess(options.ClaimLease);
        foreach (var cell in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!store.TryClaim(runId, cell.Id, claim.Renewed(options.ClaimLease), retryFailed: !options.KeepFailed))
            {
                elsewhere++;
                skipped++;
                continue;
            }
            progress?.Report(new GridProgress(cells.Count, skipped, done, kept + failed, cell, clock.Elapsed));
            CellStarting?.Invoke(cell);
            var outcome = RunClaimed(runId, cell, claim, cancellationToken);
            store.Commit(runId, outcome);
            done++;
            if (stored.ContainsKey(cell.Id)) retried++;
            if (outcome.Status == CellStatus.Failed) failed++;
            progress?.Report(new GridProgress(cells.Count, skipped, done, kept + failed, null, clock.Elapsed));
        }
        return new GridRunSummary(runId, cells.Count, skipped, done, kept + failed, clock.Elapsed, retried, elsewhere);
    }

    /// <summary>
    /// Computes one cell under a claim and commits it; null when the store holds it as done (and not
    /// <paramref name="force"/>) or another live process is computing it.
    /// </summary>
    public CellOutcome? RunCell(string runId, GridCell cell, bool force, CancellationToken cancellationToken)
    {
        var claim = CellClaim.ForThisProcess(options.ClaimLease);
        if (!force && !store.TryClaim(runId, cell.Id, claim, retryFailed: !options.KeepFailed)) return null;
        var outcome = force ? RunOne(cell, cancellationToken) : RunClaimed(runId, cell, claim, cancellationToken);
        store.Commit(runId, outcome);
        return outcome;
    }

    private bool IsDone(IReadOnlyDictionary<string, CellStatus> stored, string cellId) =>
        stored.TryGetValue(cellId, out var status) && (status == CellStatus.Ok || options.KeepFailed);

    private CellOutcome RunClaimed(string runId, GridCell cell, CellClaim claim, CancellationToken cancellationToken)
    {
        using var heartbeat = new ClaimHeartbeat(store, runId, cell.Id, claim, options.ClaimLease);
        try
        {
            return RunOne(cell, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            store.ReleaseClaim(runId, cell.Id, claim);
            throw;
        }
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
