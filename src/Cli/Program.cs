using Microsoft.Extensions.DependencyInjection;
using Robustness.Cli.Commands;
using Robustness.Cli.Commands.Datasets;
using Robustness.Cli.Infrastructure;
using Robustness.Defenses;
using Robustness.Evaluation;
using Robustness.Evaluation.Plugins;
using Robustness.Evaluation.Protocol;
using Spectre.Console.Cli;

args = AdversaryCommand.NormaliseArguments(args);
var services = new ServiceCollection();
services.AddRobustnessDefenses();
services.AddRobustnessEvaluation();
services.AddRobustnessProtocol();
try
{
    services.AddPlugins(PluginLoader.FromArguments(args));
}
catch (PluginLoadException e)
{
    CommandErrors.Report(e);
    return CommandErrors.UserError;
}
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("robustness");
    config.SetExceptionHandler((exception, _) => ErrorReporter.Handle(exception));
    config.AddCommand<ListCommand>("list").WithDescription("List registered defenses, attacks, adversaries and models.");
    config.AddBranch("datasets", datasets =>
    {
        datasets.SetDescription("Find, verify and download the datasets.");
        datasets.AddCommand<DatasetsListCommand>("list").WithDescription("Where each dataset resolves to.");
        datasets.AddCommand<DatasetsCheckCommand>("check").WithDescription("Load every split with full validation; print counts and statistics.");
        datasets.AddCommand<DatasetsVerifyCommand>("verify").WithDescription("Check files against the SHA-256s in datasets/checksums.");
        datasets.AddCommand<DatasetsFetchCommand>("fetch").WithDescription("Download the official archives, check them and unpack.");
    });
    config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Run (or resume) an evaluation grid and write its report.");
    config.AddCommand<RunCellCommand>("run-cell").WithDescription("Compute one grid cell and commit it (scale-out).");
    config.AddCommand<PlanCommand>("plan").WithDescription("Write the grid's cell list (for Slurm / Kubernetes arrays).");
    config.AddCommand<ReportCommand>("report").WithDescription("Render the report of a stored run.");
    config.AddCommand<AdversaryCommand>("adversary").WithDescription("Transfer attack from a black-box adversary's surrogate: defense accuracy, δ, queries; curves as CSV.");
    config.AddCommand<NightlyCommand>("nightly").WithDescription("Run the grid, compare with a baseline run, exit 1 on regression.");
});
return app.Run(args);
