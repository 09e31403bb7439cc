using System.Diagnostics;
using Robustness.Cli.Commands.Train;
using Robustness.Core;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Robustness.Cli.Commands;

/// <summary>
/// Trains (or reuses) a profile's vanilla backbone — the same artefact the vanilla defense uses — resuming a killed
/// run from its last epoch checkpoint, and prints clean test accuracy and training time.
/// </summary>
public sealed class TrainCommand(IModelZoo zoo) : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.LoadProfile();
        var modelId = settings.ModelId(zoo, profile);
        var recipe = profile.BackboneRecipe with
        {
            Epochs = settings.Epochs ?? profile.BackboneRecipe.Epochs,
            LearningRate = settings.LearningRate ?? profile.BackboneRecipe.LearningRate,
            BatchSize = settings.BatchSize ?? profile.BackboneRecipe.BatchSize,
        };
        var device = settings.SelectDevice();
        var dataset = DatasetInfo.FromId(settings.Dataset);
        var (train, test) = settings.LoadData(profile);
        using var trainOwner = train;
        using var testOwner = test;
        var store = new ArtefactStore(settings.Artefacts);
        Console.WriteLine($"train {modelId} on {settings.Dataset} ({train.Count} images), profile {settings.Profile}, {recipe.Epochs} epochs, " +
                          $"batch {recipe.BatchSize}, lr {recipe.LearningRate}, seed {settings.Seed}, device {device}, threads {get_num_threads()}, store {store.Root}");

        manual_seed(settings.Seed);
        using var model = zoo.Create(modelId, new ModelSpec(dataset));
        var request = new NetworkRequest(DefenseIds.Vanilla, "backbone", modelId, recipe, settings.Seed);
        var watch = Stopwatch.StartNew();
        var report = Run(store, device, request, model, train);
        var accuracy = ClassifierAccuracy.Evaluate(new ModuleClassifier(model, dataset.NumClasses, device), test);
        var trainingSeconds = report.FromCache ? report.Metrics.GetValueOrDefault(TrainingReport.TrainingSecondsMetric, double.NaN) : report.Seconds;
        Console.WriteLine($"artefact {report.ArtefactHash} ({(report.FromCache ? "reused" : "trained")})");
        Console.WriteLine($"clean test accuracy {accuracy:P2} on {test.Count} images; training time {trainingSeconds:F1} s; wall {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static TrainingReport Run(ArtefactStore store, Device device, NetworkRequest request, nn.Module<Tensor, Tensor> model, LabeledImages train)
    {
        void Log(string message) => Console.WriteLine(message);
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var display = new TrainingProgressDisplay(null);
            var result = new NetworkTrainer(store, device, progress: display, log: Log).TrainOrLoad(request, model, train);
            display.Complete();
            return result;
        }
        TrainingReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                report = new NetworkTrainer(store, device, progress: new TrainingProgressDisplay(task), log: Log).TrainOrLoad(request, model, train);
                task.Value = task.MaxValue;
            });
        return report!;
    }
}
