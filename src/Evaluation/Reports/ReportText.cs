using System.Globalization;
using Robustness.Evaluation.Fidelity;

namespace Robustness.Evaluation.Reports;

/// <summary>Sentences both Markdown and HTML reports open with.</summary>
public static class ReportText
{
    public static IEnumerable<string> Header(ReportModel m)
    {
        yield return $"Config `{m.Config.Name}`, profile **{m.Config.Profile}**; baseline `{m.Config.Baseline}`; generated {m.GeneratedUtc.ToString("u", CultureInfo.InvariantCulture)}.";
        yield return $"Cells: {m.CellsCommitted} committed of {m.CellsPlanned} planned; {m.Failures.Count} failed.";
        yield return "Protocol: Mahmood, Gurevin, van Dijk, Nguyen, \"Beware the Black-Box\", Entropy 2021 — the adversary trains its own surrogate and transfers white-box attacks to the defense; every defense is compared with its undefended backbone under the same adversary.";
        yield return "Confidence intervals: percentile bootstrap over seeds (95 %, 2000 resamples); a single seed shows the point value.";
    }

    public const string ComponentDeviationsNote =
        "Differences in force for the components this run used, from the fidelity catalog (docs/fidelity.md): " +
        "deliberate = yes (a chosen difference), no (changes the numbers; the tracking note says where it is being fixed), " +
        "profile (a setting of this run's profile against the paper profile, from profiles.json).";

    public static readonly IReadOnlyList<string> ComponentDeviationHeaders = ["component", "aspect", "this framework", "paper / reference", "source", "deliberate"];

    public static IReadOnlyList<string> Cells(DeviationRow row) => [row.Component, row.Aspect, row.Framework, row.Paper, row.Source, row.Deliberate];
}
