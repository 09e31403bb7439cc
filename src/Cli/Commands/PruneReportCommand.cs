using System.ComponentModel;
using System.Text.Json;
using Robustness.Evaluation.Reports;
using Robustness.Pruning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness prune-report RUN.json… --out DIR`: from the --summary-out files of `robustness prune` runs, writes
/// DIR/convergence.md (hard-pruned accuracy after every SLR/ADMM epoch and the epochs to a target, per dataset and
/// sparsity) and one convergence-&lt;dataset&gt;-&lt;sparsity&gt;.png per comparison. Writes only those files.
/// </summary>
public sealed class PruneReportCommand : Command<PruneReportCommand.Settings>
{
    public const string TableFile = "convergence.md";

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[RUNS]"), Description("Files written by `robustness prune --summary-out` (at least one).")]
        public string[] Runs { get; init; } = [];

        [CommandOption("--out <DIR>"), Description("Folder for convergence.md and the figures."), DefaultValue("reports/pruning-quick")]
        public string Out { get; init; } = "reports/pruning-quick";

        [CommandOption("--target <FRACTION>"), Description("Convergence target as a fraction of the dense accuracy."), DefaultValue(0.95)]
        public double Target { get; init; } = 0.95;

        public override ValidationResult Validate() =>
            Target is > 0 and <= 1 ? ValidationResult.Success() : ValidationResult.Error($"--target {Target}: must be in (0, 1]");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        // Checked here, after unknown options (Spectre checks required arguments first): a misspelt option is reported as such.
        if (settings.Runs.Length == 0) throw new ArgumentException("prune-report needs at least one RUNS file (written by `robustness prune --summary-out`)");
        var runs = settings.Runs.Select(Read).ToList();
        Directory.CreateDirectory(settings.Out);
        var table = PruningConvergence.MarkdownTable(runs, settings.Target);
        File.WriteAllText(Path.Combine(settings.Out, TableFile), table);
        AnsiConsole.WriteLine(table);
        foreach (var figure in PruningConvergenceFigure.Render(runs, settings.Target))
        {
            File.WriteAllBytes(Path.Combine(settings.Out, figure.FileName), figure.Png);
            AnsiConsole.WriteLine($"figure: {Path.Combine(settings.Out, figure.FileName)}");
        }
        return 0;
    });

    private static PruningRun Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Pruning run file '{path}' does not exist (write it with `robustness prune --summary-out`).", path);
        try
        {
            return JsonSerializer.Deserialize<PruningRun>(File.ReadAllText(path), PrunedArtefact.Json)
                ?? throw new InvalidDataException($"Pruning run file '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Pruning run file '{path}' is not a `robustness prune --summary-out` file: {e.Message}", e);
        }
    }
}
