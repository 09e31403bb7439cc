using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Nightly;

/// <summary>A nightly run compared with its baseline run, cell by cell (same cell ids).</summary>
public sealed record NightlyComparison(string BaselineRun, string CurrentRun, NightlyTolerances Tolerances, IReadOnlyList<NightlyDiffRow> Rows)
{
    public bool HasRegression => Rows.Any(r => r.Regression);
    public int Regressions => Rows.Count(r => r.Regression);
}
