using System.Globalization;
using Robustness.Cli.Commands.Progress;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Spectre.Console;

namespace Robustness.Cli.Commands;

/// <summary>
/// Shows a grid run: a live Spectre progress bar (cells done, ETA, current cell) on a terminal; one line per
/// cell start and finish when the output is redirected (logs, scale-out, tests). Training inside a cell shows as a
/// nested bar on a terminal, and as a plain line at most every 30 s otherwise.
/// </summary>
public static class GridProgressDisplay
{
    /// <param name="work">The sink the session's request reports training progress to: a nested bar on a terminal, a plain line at most every 30 s otherwise.</param>
    public static GridRunSummary Run(EvaluationSession session, IReadOnlyList<GridCell> cells, CancellationToken cancellationToken, WorkProgressRelay? work = null)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            if (work is not null) work.Target = new ThrottledProgressLines(Console.Out);
            return session.Run(cells, new Progress(Log), cell => Console.Out.WriteLine($"start {cell.Id} {cell.Describe()}"), cancellationToken);
        }

        GridRunSummary? summary = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("grid", maxValue: cells.Count);
                if (work is not null) work.Target = new WorkProgressBar(context.AddTask(Markup.Escape("  (no training running)"), maxValue: 1));
                summary = session.Run(cells, new Progress(p =>
                {
                    task.Value = p.Skipped + p.Done;
                    var eta = p.Eta is { } e ? $" ETA {e:hh\\:mm\\:ss}" : "";
                    task.Description = Markup.Escape($"{p.Skipped + p.Done}/{p.Total} cells ({p.Skipped} resumed, {p.Failed} failed){eta} {p.Current?.Describe() ?? ""}");
                }), null, cancellationToken);
            });
        return summary!;
    }

    private static void Log(GridProgress p)
    {
        if (p.Current is not null) return;
        var eta = p.Eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        Console.Out.WriteLine($"done {p.Skipped + p.Done}/{p.Total} (resumed {p.Skipped}, failed {p.Failed}) elapsed {p.Elapsed.TotalSeconds:0.0}s ETA {eta}");
    }

    /// <summary>"N cells, S already in the store, C computed (R retried), F failed": F is what the report shows as failed.</summary>
    public static void PrintSummary(GridRunSummary s)
    {
        var retried = s.Retried > 0 ? $" ({s.Retried} retried)" : "";
        var elsewhere = s.ClaimedElsewhere > 0 ? $", {s.ClaimedElsewhere} being computed by another process" : "";
        AnsiConsole.MarkupLine(Markup.Escape($"{s.RunId}: {s.Total} cells, {s.Skipped - s.ClaimedElsewhere} already in the store{elsewhere}, {s.Computed} computed{retried}, {s.Failed} failed, {s.Elapsed.TotalSeconds:0.0} s.{Reuse(s)}"));
    }

    /// <summary>" Reuse: surrogates 11/12 reused (92 %: …), …" for the caches that served a request; empty when none did.</summary>
    public static string Reuse(GridRunSummary s)
    {
        var used = s.Caches.Where(c => c.Requests > 0).ToList();
        return used.Count == 0 ? "" : " Reuse: " + string.Join("; ", used) + ".";
    }

    /// <summary>Synchronous IProgress (System.Progress posts to the thread pool; the display must see every step in order).</summary>
    private sealed class Progress(Action<GridProgress> report) : IProgress<GridProgress>
    {
        public void Report(GridProgress value) => report(value);
    }

    public static string Status(CellOutcome o) => o.Status == CellStatus.Ok
        ? string.Join(", ", o.Metrics.Select(kv => $"{kv.Key}={kv.Value.ToString("0.####", CultureInfo.InvariantCulture)}"))
        : $"{o.Status}: {o.ErrorSummary}";
}
