using Microsoft.Extensions.DependencyInjection;
using Robustness.Cli.Commands.Progress;
using Robustness.Evaluation.Grid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness evaluate`: prints the estimate of what is left, runs (or resumes) the grid, then writes reports/&lt;run&gt;/ and prints its path.
/// Exit code 1 when the run holds failed cells (the report says why), like run-cell.
/// </summary>
public sealed class EvaluateCommand(IServiceProvider services) : Command<GridSettings>
{
    public override int Execute(CommandContext context, GridSettings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        var work = new WorkProgressRelay();
        var request = settings.ToRequest() with { Progress = work };
        using var session = EvaluationSession.Open(services, request);
        EstimateDisplay.PrintSummary(services, settings, session.Cells, session.RunId, session.Store, request.ArtefactsDirectory);
        var summary = GridProgressDisplay.Run(session, session.Cells, cancellationToken, work);
        GridProgressDisplay.PrintSummary(summary);
        var report = session.WriteReport(settings.Reports);
        AnsiConsole.WriteLine($"report: {report}");
        return summary.Failed > 0 ? CommandErrors.Failure : 0;
    });
}
