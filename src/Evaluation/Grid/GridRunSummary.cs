using Robustness.Evaluation.Protocol;

namespace Robustness.Evaluation.Grid;

/// <summary>What one grid run did in this process.</summary>
/// <param name="Skipped">Cells the store already held as done (Ok, and Failed ones kept by --keep-failed).</param>
/// <param name="Failed">Cells of the plan the store now holds as failed: those that failed here plus the kept ones,
/// so the summary line and the report agree.</param>
/// <param name="Retried">Cells that had failed before and were computed again.</param>
/// <param name="ClaimedElsewhere">Cells another live process was computing; they are that process's to commit.</param>
public sealed record GridRunSummary(string RunId, int Total, int Skipped, int Computed, int Failed, TimeSpan Elapsed, int Retried = 0, int ClaimedElsewhere = 0)
{
    /// <summary>Reuse of the objects cells share (surrogates, clean answers, pure black-box examples) in this process.</summary>
    public IReadOnlyList<CacheCounts> Caches { get; init; } = [];
}
