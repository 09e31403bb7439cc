using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks;
using Robustness.Cli.Commands;
using Robustness.Cli.Commands.Datasets;
using Robustness.Cli.Infrastructure;
using Robustness.Core;
using Robustness.Defenses;
using Robustness.Evaluation;
using Robustness.Evaluation.Plugins;
using Robustness.Evaluation.Protocol;
using Robustness.Pruning;
using Spectre.Console.Cli;

args = AdversaryCommand.NormaliseArguments(args);
var services = new ServiceCollection();
services.AddRobustnessDefenses();
services.AddRobustnessAttacks();
services.AddRobustnessProtocol(); // registers the adversaries first: AddRobustnessEvaluation then skips them
services.AddRobustnessEvaluation();
services.AddRobustnessPruning();
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
    config.SetExceptionHandler((exception, _) => CommandErrors.Handle(exception));
    config.SetInterceptor(new UnknownOptionsInterceptor());
    config.AddCommand<ListCommand>("list").WithDescription("List registered defenses, attacks, adversaries and models.");
    config.AddCommand<TrainCommand>("train").WithDescription("Train (or reuse) a profile's vanilla backbone; resumes a killed run; prints clean accuracy.");
    config.AddCommand<BenchCommand>("bench").WithDescription("Images/s of training and input-gradient steps per zoo model, GFLOP/s vs SGEMM, ratio to PyTorch eager.");
    config.AddBranch("datasets", datasets =>
    {
        datasets.SetDescription("Find, verify and download the datasets.");
        datasets.AddCommand<DatasetsListCommand>("list").WithDescription("Where each dataset resolves to.");
        datasets.AddCommand<DatasetsCheckCommand>("check").WithDescription("Load every split with full validation; print counts and statistics.");
        datasets.AddCommand<DatasetsVerifyCommand>("verify").WithDescription("Check files against the SHA-256s in datasets/checksums.");
        datasets.AddCommand<DatasetsFetchCommand>("fetch").WithDescription("Download the official archives, check them and unpack.");
    });
    config.AddCommand<AttackCommand>("attack").WithDescription("White-box robust accuracy and attack success vs ε of a trained model.");
    config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Run (or resume) an evaluation grid and write its report.");
    config.AddCommand<RunCellCommand>("run-cell").WithDescription("Compute one grid cell and commit it (scale-out).");
    config.AddCommand<PlanCommand>("plan").WithDescription("Write the grid's cell list (for Slurm / Kubernetes arrays).");
    config.AddCommand<ReportCommand>("report").WithDescription("Render the report of a stored run.");
    config.AddCommand<SlurmCommand>("slurm").WithDescription("Write (and submit) an sbatch --array script running one cell per task.");
    config.AddCommand<AdversaryCommand>("adversary").WithDescription("Transfer attack from a black-box adversary's surrogate: defense accuracy, δ, queries; curves as CSV.");
    config.AddCommand<PruneCommand>("prune").WithDescription("Prune a backbone (slr, admm, magnitude), retrain with masks, store it with its mask; print accuracy, sparsity, FLOPs.");
    config.AddCommand<PruneReportCommand>("prune-report").WithDescription("Convergence table and figures (hard-pruned accuracy per SLR/ADMM epoch) from `prune --summary-out` files.");
    config.AddCommand<FidelityCommand>("fidelity").WithDescription("The fidelity table (docs/fidelity.md): each component against its paper and reference code.");
    config.AddCommand<NightlyCommand>("nightly").WithDescription("Run the grid, compare with a baseline run, exit 1 on regression.");
});
return app.Run(args);
