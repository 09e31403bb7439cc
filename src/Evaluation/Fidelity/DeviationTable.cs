using System.Text;

namespace Robustness.Evaluation.Fidelity;

/// <summary>Deviation rows as a Markdown table: what reports embed and `robustness fidelity --component` prints for hand-written reports.</summary>
internal static class DeviationTable
{
    public const string Note =
        "Differences in force for the components this run used, from the fidelity catalog (docs/fidelity.md): " +
        "deliberate = yes (a chosen difference), no (changes the numbers; the tracking note says where it is being fixed), " +
        "profile (a setting of this run's profile against the paper profile, from profiles.json).";

    public static readonly IReadOnlyList<string> Headers = ["component", "aspect", "this framework", "paper / reference", "source", "deliberate"];

    public static IReadOnlyList<string> Cells(DeviationRow row) => [row.Component, row.Aspect, row.Framework, row.Paper, row.Source, row.Deliberate];

    public static string Markdown(IReadOnlyList<DeviationRow> rows)
    {
        var s = new StringBuilder();
        s.AppendLine("| " + string.Join(" | ", Headers) + " |");
        s.AppendLine("|" + string.Concat(Headers.Select(_ => "---|")));
        foreach (var row in rows) s.AppendLine("| " + string.Join(" | ", Cells(row).Select(Escape)) + " |");
        return s.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
