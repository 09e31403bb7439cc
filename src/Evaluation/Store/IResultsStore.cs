namespace Robustness.Evaluation.Store;

/// <summary>
/// Where cell outcomes live (SQLite file by default, PostgreSQL by connection string). Every
/// <see cref="Commit"/> is one transaction: a killed process leaves a cell either complete or absent.
/// </summary>
public interface IResultsStore : IDisposable
{
    /// <summary>Human description (file path or host/database), used in errors and reports.</summary>
    string Description { get; }

    /// <summary>Creates the run, or checks an existing one has the same config (a different one is an error).</summary>
    void EnsureRun(RunRecord run);

    RunRecord? FindRun(string runId);
    IReadOnlyList<RunRecord> Runs();

    /// <summary>Ids of the cells of <paramref name="runId"/> already committed (any status).</summary>
    IReadOnlySet<string> CompletedCells(string runId);

    /// <summary>The stored status of every committed cell of <paramref name="runId"/>.</summary>
    IReadOnlyDictionary<string, CellStatus> CellStatuses(string runId);

    /// <summary>
    /// Atomically takes a cell for computing. False when the store holds it as done (Ok, or Failed unless
    /// <paramref name="retryFailed"/>), or when another owner's claim on it is not stale.
    /// </summary>
    bool TryClaim(string runId, string cellId, CellClaim claim, bool retryFailed);

    /// <summary>Extends our own claim's lease (the heartbeat of a long cell); a no-op if it is not ours any more.</summary>
    void RenewClaim(string runId, string cellId, CellClaim claim);

    /// <summary>Drops our own claim without committing (the computation was cancelled).</summary>
    void ReleaseClaim(string runId, string cellId, CellClaim claim);

    /// <summary>Commits the outcome and drops any claim on the cell, in one transaction.</summary>
    void Commit(string runId, CellOutcome outcome);

    /// <summary>Every committed outcome of a run, with examples, in commit order.</summary>
    IReadOnlyList<CellOutcome> Load(string runId);

    /// <summary>
    /// Timings of every committed cell of every run, oldest first, without examples: what a cost estimate learns from
    /// (cell ids are the same in every run, so one run's timings price another run's cells).
    /// </summary>
    IReadOnlyList<CellTiming> Timings() => Runs()
        .SelectMany(run => Load(run.RunId).Select(o => new CellTiming(run.RunId, o.Cell, o.Status, o.Timings, o.Manifest.WeightSha256,
            o.FinishedUtc ?? DateTimeOffset.MinValue)))
        .OrderBy(t => t.FinishedUtc).ToList();
}
