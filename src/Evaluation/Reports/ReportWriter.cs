using System.Text.Json;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Reports;

/// <summary>
/// Writes reports/&lt;run&gt;/: report.md, report.html (self-contained), report.json, one CSV per table, figures/*.png,
/// and failures.log (the full error of each failed cell) when a cell failed.
/// Everything is rendered into a fresh hidden staging folder first, then each file is moved into place (a reader sees
/// each file whole, old or new). The folder keeps a manifest of the files the writer put there (<see cref="ManifestName"/>);
/// a rewrite removes only files of the previous manifest that the new report no longer has. Anything else in the
/// folder — a user's notes, another tool's output, earlier runs' folders beside it — is left alone: the writer never
/// deletes what it did not write.
/// </summary>
public static class ReportWriter
{
    public const string ManifestName = ".report-files";

    public static string Write(ReportModel model, string reportsRoot)
    {
        var root = Path.GetFullPath(reportsRoot);
        var folder = FolderName(model.RunId);
        var target = Path.Combine(root, folder);
        Directory.CreateDirectory(root);
        var staging = Path.Combine(root, $".{folder}.tmp-{Guid.NewGuid():N}");
        try
        {
            Render(model, staging);
            var written = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal).ToList();
            var previous = ReadManifest(target);
            foreach (var file in written)
            {
                var destination = Path.Combine(target, file);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(Path.Combine(staging, file), destination, overwrite: true);
            }
            foreach (var stale in previous.Except(written, StringComparer.Ordinal))
            {
                var path = Path.Combine(target, stale);
                if (File.Exists(path)) File.Delete(path);
            }
            WriteManifest(target, written);
        }
        finally
        {
            // The staging folder is this call's own (a fresh random name); after the moves it holds at most empty folders.
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return Path.Combine(target, "report.html");
    }

    private static string FailureLog(IEnumerable<FailureRow> failures) =>
        string.Concat(failures.Select(f => $"== cell {f.CellId} ({f.Description})\n{f.Detail}\n\n"));

    /// <summary>
    /// The run's folder name: characters outside [A-Za-z0-9._-] become '_' (run ids stored by older versions), and the
    /// result must be one plain path segment — never empty, '.', '..' or hidden — so the report stays inside its root.
    /// </summary>
    public static string FolderName(string runId)
    {
        var folder = string.Concat(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return RunNames.IsValid(folder) ? folder
            : throw new ArgumentException($"Run '{runId}' cannot name a report folder: {RunNames.Problem(folder, "the folder name")}");
    }

    private static void Render(ReportModel model, string staging)
    {
        Directory.CreateDirectory(Path.Combine(staging, "figures"));
        File.WriteAllText(Path.Combine(staging, "report.md"), MarkdownReport.Render(model));
        File.WriteAllText(Path.Combine(staging, "report.html"), HtmlReport.Render(model));
        File.WriteAllText(Path.Combine(staging, "report.json"), JsonSerializer.Serialize(model, new JsonSerializerOptions(StoreJson.Options) { WriteIndented = true }));
        CsvReport.Write(model, staging);
        if (model.Failures.Count > 0) File.WriteAllText(Path.Combine(staging, FailureRow.LogFileName), FailureLog(model.Failures));
        foreach (var f in model.Figures) File.WriteAllBytes(Path.Combine(staging, "figures", f.FileName), f.Png);
    }

    /// <summary>The files an earlier write listed; entries that would leave the folder (an edited manifest) are ignored.</summary>
    private static IReadOnlyList<string> ReadManifest(string target)
    {
        var manifest = Path.Combine(target, ManifestName);
        if (!File.Exists(manifest)) return [];
        var prefix = target + Path.DirectorySeparatorChar;
        return File.ReadAllLines(manifest)
            .Where(line => line.Length > 0 && line != ManifestName && Path.GetFullPath(Path.Combine(target, line)).StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    private static void WriteManifest(string target, IReadOnlyList<string> files)
    {
        var manifest = Path.Combine(target, ManifestName);
        var temp = $"{manifest}.tmp-{Guid.NewGuid():N}";
        File.WriteAllLines(temp, files);
        File.Move(temp, manifest, overwrite: true);
    }
}
