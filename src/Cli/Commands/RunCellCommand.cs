using System.ComponentModel;
using Robustness.Cli.Commands.Progress;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>`robustness run-cell --cell ID`: computes one cell of the config's grid and commits it (scale-out unit).</summary>
public sealed class RunCellCommand(IServiceProvider services) : Command<RunCellCommand.Settings>
{
    public sealed class Settings : GridSettings
    {
        [CommandOption("--cell <ID>"), Description("Cell id (see 'robustness plan').")]
        public string Cell { get; init; } = "";

        [CommandOption("--index <N>"), Description("Alternatively the cell's position in the plan (Slurm/Kubernetes array index).")]
        public int? Index { get; init; }

        [CommandOption("--force"), Description("Recompute even if the store holds the cell.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        // One cell in a scale-out task's log: plain training progress lines, at most every 30 s.
        using var session = EvaluationSession.Open(services, settings.ToRequest() with { Progress = new ThrottledProgressLines(Console.Out) });
        var cell = settings.Index is { } i
            ? i >= 0 && i < session.Cells.Count ? session.Cells[i] : throw new GridConfigException($"--index {i} is outside the plan (0..{session.Cells.Count - 1}).")
            : session.Cell(settings.Cell);
        Console.Out.WriteLine($"start {cell.Id} {cell.Describe()}");
        var outcome = session.RunCell(cell, settings.Force, cancellationToken);
        if (outcome is null)
        {
            Console.Out.WriteLine($"skip {cell.Id}: already in the store or being computed by another process (use --force to recompute)");
            return 0;
        }
        Console.Out.WriteLine($"done {cell.Id}: {GridProgressDisplay.Status(outcome)}");
        return outcome.Status == CellStatus.Failed ? 1 : 0;
    });
}
