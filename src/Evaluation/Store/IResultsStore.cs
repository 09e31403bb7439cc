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

    void Commit(string runId, CellOutcome outcome);

    /// <summary>Every committed outcome of a run, with examples, in commit order.</summary>
    IReadOnlyList<CellOutcome> Load(string runId);
}
