using System.ComponentModel;
using System.Globalization;
using Robustness.Cli.Commands.Progress;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Nightly;
using Robustness.Evaluation.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness nightly --baseline RUN`: runs the configured grid as a fresh run, compares it cell by cell with the
/// baseline run within the config's tolerances, writes the report with a diff section; exit code 1 on regression.
/// </summary>
public sealed class NightlyCommand(IServiceProvider services) : Command<NightlyCommand.Settings>
{
    public sealed class Settings : GridSettings
    {
        [CommandOption("--baseline <RUN>"), Description("The run to compare with (same store).")]
        public string Baseline { get; init; } = "";

    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        // Checked here, after unknown options (Spectre validates settings first): a misspelt --baseline is reported as such.
        if (string.IsNullOrWhiteSpace(settings.Baseline)) throw new ArgumentException("--baseline RUN is required");
        var request = settings.ToRequest();
        var config = GridConfigFile.Load(request.Config, request.Profile);
        var work = new WorkProgressRelay();
        request = request with { RunId = settings.Run ?? $"nightly-{config.Name}-{config.Profile}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}", Progress = work };
        using var session = EvaluationSession.Open(services, request);
        if (session.Store.FindRun(settings.Baseline) is null)
            throw new ResultsStoreException($"Results store '{session.Store.Description}' has no baseline run '{settings.Baseline}'.");
        var summary = GridProgressDisplay.Run(session, session.Cells, cancellationToken, work);
        GridProgressDisplay.PrintSummary(summary);
        var comparison = NightlyComparer.Compare(settings.Baseline, session.Store.Load(settings.Baseline), session.RunId, session.Store.Load(session.RunId), session.Config.Nightly);
        var report = session.WriteReport(settings.Reports, comparison);
        AnsiConsole.WriteLine($"report: {report}");
        AnsiConsole.WriteLine(comparison.HasRegression
            ? $"REGRESSION: {comparison.Regressions} cell(s) fell beyond tolerance vs '{settings.Baseline}'."
            : $"no regression vs '{settings.Baseline}'.");
        return comparison.HasRegression ? CommandErrors.Regression : 0;
    });
}
