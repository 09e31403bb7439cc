using System.Text;
using Robustness.Evaluation.Fidelity;

namespace Robustness.Evaluation.Reports;

/// <summary>The report as Markdown; figures are referenced as PNG files beside it.</summary>
public static class MarkdownReport
{
    public static string Render(ReportModel m)
    {
        var s = new StringBuilder();
        s.AppendLine($"# Robustness report — run `{m.RunId}`").AppendLine();
        foreach (var line in ReportText.Header(m)) s.AppendLine($"- {line}");
        s.AppendLine().AppendLine("## Deviations from the paper's protocol").AppendLine();
        foreach (var d in m.Deviations) s.AppendLine($"- {d}");
        if (m.Deviations.Count == 0) s.AppendLine("- none");
        if (m.ComponentDeviations.Count > 0)
        {
            s.AppendLine().AppendLine(DeviationTable.Note).AppendLine();
            s.Append(DeviationTable.Markdown(m.ComponentDeviations));
        }
        foreach (var t in ReportTables.All(m))
        {
            s.AppendLine().AppendLine($"## {t.Title}").AppendLine();
            if (t.Note.Length > 0) s.AppendLine(t.Note).AppendLine();
            if (t.Rows.Count == 0)
            {
                s.AppendLine("_No cells of this kind in the run._");
                continue;
            }
            s.AppendLine("| " + string.Join(" | ", t.Headers.Select(Escape)) + " |");
            s.AppendLine("|" + string.Concat(t.Headers.Select(_ => "---|")));
            foreach (var row in t.Rows) s.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }
        s.AppendLine().AppendLine("## Figures").AppendLine();
        foreach (var f in m.Figures) s.AppendLine($"![{f.Caption}](figures/{f.FileName})").AppendLine().AppendLine($"_{f.Caption}_").AppendLine();
        return s.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
