using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Nightly;

/// <summary>
/// Compares a nightly run with a baseline run: clean accuracy and defense accuracy may not drop by more than the
/// tolerances; a cell that was measured in the baseline and fails (or is missing) now is a regression.
/// Improvements and cells new in the nightly are listed, not flagged.
/// </summary>
public static class NightlyComparer
{
    public static NightlyComparison Compare(string baselineRun, IReadOnlyList<CellOutcome> baseline, string currentRun, IReadOnlyList<CellOutcome> current, NightlyTolerances tolerances)
    {
        var now = current.ToDictionary(o => o.Cell.Id);
        var rows = new List<NightlyDiffRow>();
        foreach (var before in baseline.Where(b => b.Status == CellStatus.Ok))
        {
            var id = before.Cell.Id;
            var (metric, tolerance) = before.Cell.Kind == CellKinds.Clean
                ? (MetricNames.CleanAccuracy, tolerances.CleanAccuracy)
                : (MetricNames.DefenseAccuracy, tolerances.DefenseAccuracy);
            var old = before.Metric(metric);
            if (!now.TryGetValue(id, out var after))
            {
                rows.Add(new NightlyDiffRow(id, before.Cell.Describe(), metric, old, null, tolerances.FailureIsRegression, "missing in the nightly run"));
                continue;
            }
            if (after.Status != CellStatus.Ok)
            {
                rows.Add(new NightlyDiffRow(id, before.Cell.Describe(), metric, old, null, tolerances.FailureIsRegression, $"now {after.Status}: {after.Error}"));
                continue;
            }
            var value = after.Metric(metric);
            var change = (value ?? 0) - (old ?? 0);
            var regression = change < -tolerance - 1e-12;
            rows.Add(new NightlyDiffRow(id, before.Cell.Describe(), metric, old, value, regression,
                regression ? $"dropped {-change:0.000} > tolerance {tolerance:0.000}" : Math.Abs(change) < 1e-12 ? "unchanged" : $"changed {change:+0.000;-0.000} (within tolerance {tolerance:0.000})"));
        }
        foreach (var added in current.Where(c => baseline.All(b => b.Cell.Id != c.Cell.Id)))
            rows.Add(new NightlyDiffRow(added.Cell.Id, added.Cell.Describe(), "-", null, null, false, "new cell (not in the baseline)"));
        return new NightlyComparison(baselineRun, currentRun, tolerances, rows);
    }
}
