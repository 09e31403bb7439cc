using System.ComponentModel;
using Robustness.Core.Data;
using Robustness.Core.Contracts;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Grid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness fidelity [--out docs/fidelity.md] [--check]`: the fidelity table generated from the fidelity catalog
/// (plus plug-in declarations) and the profiles; registered components without a row are named on stderr.
/// `robustness fidelity --profile quick --dataset fashion-mnist --component attack:ead …`: the Deviations table of
/// those components (plus the protocol and each dataset's backbone), for a report written outside `evaluate`.
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

        [CommandOption("--component <KIND:ID>"), Description("Print the Deviations of these components instead (repeatable), e.g. attack:ead, defense:ecoc, adversary:oracle-jacobian, pruner:slr.")]
        public string[] Components { get; init; } = [];

        [CommandOption("--profile <PROFILE>"), Description("With --component: the profile the run used."), DefaultValue(ProfileNames.Quick)]
        public string Profile { get; init; } = ProfileNames.Quick;

        [CommandOption("--dataset <DATASET>"), Description("With --component: a dataset the run used (repeatable; default both).")]
        public string[] Datasets { get; init; } = [];

        public override ValidationResult Validate()
        {
            if (Check && Out is null) return ValidationResult.Error("--check needs --out FILE (the file to compare).");
            var bad = Components.FirstOrDefault(c => c.Split(':') is not [var kind, var id] || !FidelityKinds.All.Contains(kind) || id.Length == 0);
            if (bad is not null) return ValidationResult.Error($"--component '{bad}' must read KIND:ID with KIND one of {string.Join(", ", FidelityKinds.All)}.");
            var dataset = Datasets.FirstOrDefault(d => !DatasetIds.All.Contains(d));
            return dataset is null ? ValidationResult.Success() : ValidationResult.Error($"--dataset '{dataset}' is not one of {string.Join(", ", DatasetIds.All)}.");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var catalog = FidelityCatalog.Default().With(declared);
        var profiles = ProfileCatalog.Load(settings.ProfilesFile);
        if (settings.Components.Length > 0) return PrintDeviations(catalog, profiles, settings);
        var text = FidelityDocument.Render(catalog, profiles);
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

    private static int PrintDeviations(FidelityCatalog catalog, ProfileCatalog profiles, Settings settings)
    {
        if (!profiles.Profiles.Contains(settings.Profile))
            throw new GridConfigException($"--profile '{settings.Profile}' is not a profile (known: {string.Join(", ", profiles.Profiles)}).");
        IReadOnlyList<string> datasets = settings.Datasets.Length > 0 ? settings.Datasets.Distinct().ToList() : DatasetIds.All;
        var components = new List<RunComponent> { new(FidelityKinds.Protocol, RunComponents.ProtocolId, datasets) };
        components.AddRange(datasets.Select(d => new RunComponent(FidelityKinds.Backbone, d, [d])));
        components.AddRange(settings.Components.Distinct().Select(c => c.Split(':')).Select(p => new RunComponent(p[0], p[1], datasets)));
        Console.Out.WriteLine(DeviationTable.Note);
        Console.Out.WriteLine();
        Console.Out.Write(DeviationTable.Markdown(RunDeviations.For(catalog, profiles, settings.Profile, components)));
        return 0;
    }
}
