using System.Text.Json;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Reports;

/// <summary>
/// Writes reports/&lt;run&gt;/ atomically: everything goes to a hidden sibling folder first, which then replaces the
/// old report by renames, so a reader sees the old report or the new one, never half of one.
/// Files: report.md, report.html (self-contained), report.json, one CSV per table, figures/*.png, and failures.log
/// (the full error of each failed cell) when a cell failed.
/// </summary>
public static class ReportWriter
{
    public static string Write(ReportModel model, string reportsRoot)
    {
        var target = Path.GetFullPath(Path.Combine(reportsRoot, Sanitise(model.RunId)));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(staging, "figures"));
        try
        {
            File.WriteAllText(Path.Combine(staging, "report.md"), MarkdownReport.Render(model));
            File.WriteAllText(Path.Combine(staging, "report.html"), HtmlReport.Render(model));
            File.WriteAllText(Path.Combine(staging, "report.json"), JsonSerializer.Serialize(model, new JsonSerializerOptions(StoreJson.Options) { WriteIndented = true }));
            CsvReport.Write(model, staging);
            if (model.Failures.Count > 0) File.WriteAllText(Path.Combine(staging, FailureRow.LogFileName), FailureLog(model.Failures));
            foreach (var f in model.Figures) File.WriteAllBytes(Path.Combine(staging, "figures", f.FileName), f.Png);
            string? old = null;
            if (Directory.Exists(target))
            {
                old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
                Directory.Move(target, old);
            }
            Directory.Move(staging, target);
            if (old is not null) Directory.Delete(old, recursive: true);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
        return Path.Combine(target, "report.html");
    }

    private static string FailureLog(IEnumerable<FailureRow> failures) =>
        string.Concat(failures.Select(f => $"== cell {f.CellId} ({f.Description})\n{f.Detail}\n\n"));

    private static string Sanitise(string runId) => string.Concat(runId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
