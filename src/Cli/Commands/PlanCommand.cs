using System.ComponentModel;
using System.Text.Json;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness plan --out cells.json`: the grid's cells (index, id, description, fields) for scale-out;
/// `plan --estimate`: the predicted wall time left for the grid on this machine, per kind of work.
/// </summary>
public sealed class PlanCommand(IServiceProvider services) : Command<PlanCommand.Settings>
{
    public sealed class Settings : GridSettings
    {
        [CommandOption("-o|--out <FILE>"), Description("Where to write the cell list (default: stdout).")]
        public string? Out { get; init; }

        [CommandOption("--estimate"), Description("Print the predicted wall time left per kind of work (recorded timings, else the built-in model) instead of the cell list; with --out, both.")]
        public bool Estimate { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        var config = GridConfigFile.Load(settings.Config, settings.Profile, services, settings.ProfilesFile);
        var cells = GridPlanner.Plan(config);
        var plan = new
        {
            config = config.Name,
            profile = config.Profile,
            run = settings.Run ?? $"{config.Name}-{config.Profile}",
            count = cells.Count,
            cells = cells.Select((c, i) => new { index = i, id = c.Id, description = c.Describe(), cell = c }),
        };
        if (settings.Estimate)
        {
            using var store = ExistingStore(settings.Store);
            Console.Out.Write(EstimateDisplay.Estimate(services, settings, cells, plan.run, store, settings.ToRequest().ArtefactsDirectory).Table());
            if (settings.Out is null) return 0;
        }
        var json = JsonSerializer.Serialize(plan, new JsonSerializerOptions(StoreJson.Options) { WriteIndented = true });
        if (settings.Out is null) Console.Out.WriteLine(json);
        else
        {
            var temp = settings.Out + ".tmp";
            File.WriteAllText(temp, json);
            File.Move(temp, settings.Out, overwrite: true);
            Console.Out.WriteLine($"{cells.Count} cells → {settings.Out}");
        }
        return 0;
    });

    /// <summary>The store to learn timings from, read-only; null when the SQLite file does not exist (nothing recorded, nothing created).</summary>
    private static IResultsStore? ExistingStore(string? store)
    {
        var path = string.IsNullOrWhiteSpace(store) ? ResultsStores.DefaultPath : store;
        return ResultsStores.IsPostgres(path) || File.Exists(path) ? ResultsStores.Open(path, StoreAccess.ReadOnly) : null;
    }
}
