using Microsoft.Extensions.DependencyInjection;
using Robustness.Evaluation.Grid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness evaluate`: runs (or resumes) the grid, then writes reports/&lt;run&gt;/ and prints its path.
/// Exit code 1 when the run holds failed cells (the report says why), like run-cell.
/// </summary>
public sealed class EvaluateCommand(IServiceProvider services) : Command<GridSettings>
{
    public override int Execute(CommandContext context, GridSettings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        using var session = EvaluationSession.Open(services, settings.ToRequest());
        var summary = GridProgressDisplay.Run(session, session.Cells, cancellationToken);
        GridProgressDisplay.PrintSummary(summary);
        var report = session.WriteReport(settings.Reports);
        AnsiConsole.WriteLine($"report: {report}");
        return summary.Failed > 0 ? CommandErrors.Failure : 0;
    });
}
