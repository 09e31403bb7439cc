using System.Net;
using System.Text;
using Robustness.Evaluation.Fidelity;

namespace Robustness.Evaluation.Reports;

/// <summary>The report as one self-contained HTML file: inline CSS, figures embedded as base64 PNG.</summary>
public static class HtmlReport
{
    public static string Render(ReportModel m)
    {
        var s = new StringBuilder();
        s.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        s.AppendLine($"<title>Robustness report — {E(m.RunId)}</title>");
        s.AppendLine("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;margin:1em 0;font-size:0.9em}" +
                     "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#eee}td.Fail,td.REGRESSION{background:#fdd}td.Pass{background:#dfd}figure{margin:1em 0}</style>");
        s.AppendLine("</head><body>");
        s.AppendLine($"<h1>Robustness report — run <code>{E(m.RunId)}</code></h1><ul>");
        foreach (var line in ReportText.Header(m)) s.AppendLine($"<li>{E(line.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal))}</li>");
        s.AppendLine("</ul><h2>Deviations from the paper's protocol</h2><ul>");
        foreach (var d in m.Deviations.DefaultIfEmpty("none")) s.AppendLine($"<li>{E(d)}</li>");
        s.AppendLine("</ul>");
        if (m.ComponentDeviations.Count > 0)
        {
            s.AppendLine($"<p>{E(DeviationTable.Note)}</p><table id=\"table-deviations\" class=\"report-table\"><thead><tr>");
            foreach (var h in DeviationTable.Headers) s.Append($"<th>{E(h)}</th>");
            s.AppendLine("</tr></thead><tbody>");
            foreach (var row in m.ComponentDeviations)
                s.AppendLine("<tr>" + string.Concat(DeviationTable.Cells(row).Select(c => $"<td>{E(c)}</td>")) + "</tr>");
            s.AppendLine("</tbody></table>");
        }
        foreach (var t in ReportTables.All(m))
        {
            s.AppendLine($"<section id=\"section-{E(t.Id)}\"><h2>{E(t.Title)}</h2>");
            if (t.Note.Length > 0) s.AppendLine($"<p>{E(t.Note)}</p>");
            s.Append($"<table id=\"table-{E(t.Id)}\" class=\"report-table\"><thead><tr>");
            foreach (var h in t.Headers) s.Append($"<th>{E(h)}</th>");
            s.AppendLine("</tr></thead><tbody>");
            foreach (var row in t.Rows)
            {
                s.Append("<tr>");
                foreach (var cell in row) s.Append($"<td class=\"{E(cell.Split(' ')[0])}\">{E(cell)}</td>");
                s.AppendLine("</tr>");
            }
            if (t.Rows.Count == 0) s.AppendLine($"<tr><td colspan=\"{t.Headers.Count}\">No cells of this kind in the run.</td></tr>");
            s.AppendLine("</tbody></table></section>");
        }
        s.AppendLine("<section id=\"section-figures\"><h2>Figures</h2>");
        foreach (var f in m.Figures)
            s.AppendLine($"<figure class=\"report-figure\"><img alt=\"{E(f.Caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\"><figcaption>{E(f.Caption)}</figcaption></figure>");
        s.AppendLine("</section></body></html>");
        return s.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
