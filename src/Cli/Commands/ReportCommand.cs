using System.ComponentModel;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>`robustness report --store …`: renders reports/&lt;run&gt;/ from a store (the newest run unless --run).</summary>
public sealed class ReportCommand(IServiceProvider services) : Command<ReportCommand.Settings>
{
    public sealed class Settings : PluginSettings
    {
        [CommandOption("--store <STORE>"), Description("SQLite file or postgres://… (default results/robustness.db).")]
        public string? Store { get; init; }

        [CommandOption("--run <NAME>"), Description("Run to render (default: the newest).")]
        public string? Run { get; init; }

        [CommandOption("--reports <DIR>"), DefaultValue("reports")]
        public string Reports { get; init; } = "reports";

        [CommandOption("--profiles-file <FILE>"), Description("The profiles.json the run used, when not the embedded one (its Deviations compare against it).")]
        public string? ProfilesFile { get; init; }

        public override ValidationResult Validate() =>
            Run is not null && RunNames.Problem(Run) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        using var store = ResultsStores.Open(settings.Store, StoreAccess.ReadOnly);
        var run = settings.Run ?? store.Runs().LastOrDefault()?.RunId
            ?? throw new ResultsStoreException($"Results store '{store.Description}' holds no run.");
        AnsiConsole.WriteLine($"report: {ReportFiles.Write(store, run, settings.Reports,
            fidelity: ReportFidelity.From(services, ProfileCatalog.Load(settings.ProfilesFile)))}");
        return 0;
    });
}
