using Microsoft.Extensions.DependencyInjection;
using Robustness.Cli.Commands;
using Robustness.Cli.Commands.Datasets;
using Robustness.Cli.Infrastructure;
using Robustness.Core;
using Robustness.Defenses;
using Robustness.Evaluation;
using Robustness.Evaluation.Plugins;
using Spectre.Console.Cli;

var services = new ServiceCollection();
services.AddRobustnessDefenses();
services.AddRobustnessEvaluation();
try
{
    services.AddPlugins(PluginLoader.FromArguments(args));
}
catch (PluginLoadException e)
{
    CommandErrors.Report(e);
    return CommandErrors.UserError;
}
services.AddRobustnessCore();
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("robustness");
    config.SetExceptionHandler((exception, _) => ErrorReporter.Handle(exception));
    config.AddCommand<ListCommand>("list").WithDescription("List registered defenses, attacks, adversaries and models.");
    config.AddCommand<TrainCommand>("train").WithDescription("Train (or reuse) a profile's vanilla backbone; resumes a killed run; prints clean accuracy.");
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
    config.AddCommand<SlurmCommand>("slurm").WithDescription("Write (and submit) an sbatch --array script running one cell per task.");
    config.AddCommand<NightlyCommand>("nightly").WithDescription("Run the grid, compare with a baseline run, exit 1 on regression.");
});
return app.Run(args);
