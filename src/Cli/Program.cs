using Microsoft.Extensions.DependencyInjection;
using Robustness.Cli.Commands;
using Robustness.Cli.Commands.Datasets;
using Robustness.Cli.Infrastructure;
using Robustness.Core;
using Robustness.Defenses;
using Spectre.Console.Cli;

var services = new ServiceCollection();
services.AddRobustnessDefenses();
services.AddRobustnessCore();
var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("robustness");
    config.SetExceptionHandler((exception, _) => ErrorReporter.Handle(exception));
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
});
return app.Run(args);
