using System.ComponentModel;
using Robustness.Core.Contracts;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness fidelity [--out docs/fidelity.md] [--check]`: the fidelity table generated from the fidelity catalog
/// (plus plug-in declarations) and the profiles; registered components without a row are named on stderr.
/// </summary>
public sealed class FidelityCommand(IEnumerable<PluginDescriptor> plugins, IEnumerable<ComponentFidelity> declared) : Command<FidelityCommand.Settings>
{
    public sealed class Settings : PluginSettings
    {
        [CommandOption("--out <FILE>"), Description("Write the Markdown here (e.g. docs/fidelity.md) instead of printing it.")]
        public string? Out { get; init; }

        [CommandOption("--check"), Description("With --out: write nothing; exit 1 when the file differs from the generated text.")]
        public bool Check { get; init; }

        [CommandOption("--profiles-file <FILE>"), Description("A profiles.json replacing the embedded one.")]
        public string? ProfilesFile { get; init; }

        public override ValidationResult Validate() => Check && Out is null
            ? ValidationResult.Error("--check needs --out FILE (the file to compare).")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = FidelityCatalog.Default().With(declared);
        var text = FidelityDocument.Render(catalog, ProfileCatalog.Load(settings.ProfilesFile));
        foreach (var p in FidelityCoverage.Missing(catalog, plugins))
            Console.Error.WriteLine($"note: {p.Kind} '{p.Id}' has no fidelity row ({RunDeviations.NoReference}).");
        if (settings.Out is null)
        {
            Console.Out.Write(text);
            return 0;
        }
        if (settings.Check)
        {
            var current = File.Exists(settings.Out) ? File.ReadAllText(settings.Out) : null;
            if (current == text) return 0;
            Console.Error.WriteLine($"{settings.Out} is stale: run `{FidelityDocument.RegenerateCommand}`.");
            return CommandErrors.Regression;
        }
        File.WriteAllText(settings.Out, text);
        AnsiConsole.WriteLine($"fidelity: {Path.GetFullPath(settings.Out)}");
        return 0;
    }
}
