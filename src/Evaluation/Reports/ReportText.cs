using System.Globalization;

namespace Robustness.Evaluation.Reports;

/// <summary>Sentences both Markdown and HTML reports open with.</summary>
internal static class ReportText
{
    public static IEnumerable<string> Header(ReportModel m)
    {
        yield return $"Config `{m.Config.Name}`, profile **{m.Config.Profile}**; baseline `{m.Config.Baseline}`; generated {m.GeneratedUtc.ToString("u", CultureInfo.InvariantCulture)}.";
        yield return $"Cells: {m.CellsCommitted} committed of {m.CellsPlanned} planned; {m.Failures.Count} failed.";
        yield return "Protocol: Mahmood, Gurevin, van Dijk, Nguyen, \"Beware the Black-Box\", Entropy 2021 — the adversary trains its own surrogate and transfers white-box attacks to the defense; every defense is compared with its undefended backbone under the same adversary.";
        yield return "Confidence intervals: percentile bootstrap over seeds (95 %, 2000 resamples); a single seed shows the point value.";
    }
}
