using Robustness.Attacks;
using Robustness.Attacks.WhiteBox;
using Robustness.Cli.Commands.Attack;
using Robustness.Core;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Robustness.Cli.Commands;

/// <summary>
/// Trains or loads a model through the network trainer (the vanilla backbone artefact when --model is the
/// profile's backbone) and reports white-box robust accuracy and attack success versus ε.
/// </summary>
public sealed class AttackCommand(AttackFactory factory) : Command<AttackSettings>
{
    public override int Execute(CommandContext context, AttackSettings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() => Run(settings));

    private int Run(AttackSettings settings)
    {
        var profile = ProfileCatalog.Load(settings.ProfilesFile).Get(settings.Profile, settings.Dataset);
        factory.Definition(settings.Attack);
        var zoo = new ModelZoo();
        var modelId = settings.Model ?? profile.Backbone;
        if (!zoo.Ids.Contains(modelId)) throw new ArgumentException($"--model {modelId}: unknown (known: {string.Join(", ", zoo.Ids)}).");
        var device = DeviceSelection.Resolve(settings.Device);
        if (settings.Threads > 0) set_num_threads(settings.Threads);
        var dataset = DatasetInfo.FromId(settings.Dataset);
        var recipe = profile.BackboneRecipe with { Epochs = settings.Epochs ?? profile.BackboneRecipe.Epochs };

        manual_seed(settings.Seed);
        using var network = zoo.Create(modelId, new ModelSpec(dataset));
        using (var train = DatasetLoader.Load(settings.Dataset, DatasetSplit.Train, profile.TrainLimit, settings.Data))
        {
            var store = new ArtefactStore(settings.Artefacts);
            AnsiConsole.MarkupLine($"model [bold]{modelId}[/] on {settings.Dataset} ({train.Count} training images), profile {settings.Profile}, " +
                                   $"{recipe.Epochs} epochs, seed {settings.Seed}, device {device}, store {Markup.Escape(store.Root)}");
            var request = new NetworkRequest("vanilla", "backbone", modelId, recipe, settings.Seed);
            var report = new NetworkTrainer(store, device, log: m => AnsiConsole.WriteLine(m)).TrainOrLoad(request, network, train);
            AnsiConsole.MarkupLine($"artefact {report.ArtefactHash[..12]} ({(report.FromCache ? "reused" : $"trained in {report.Seconds:F0} s")})");
        }
        network.eval();
        var model = new ModuleClassifier(network, dataset.NumClasses, device);
        using var test = DatasetLoader.Load(settings.Dataset, DatasetSplit.Test, settings.Count, settings.Data);
        using var points = new LabeledImages(test.Images.to(device), test.Labels.to(device));
        var norm = settings.Norm == "l2" ? NormKind.L2 : NormKind.Linf;
        var sweep = new WhiteBoxSweep(factory);
        IReadOnlyList<WhiteBoxRow> rows = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{settings.Attack} on {modelId}", maxValue: 1);
                rows = sweep.Run(model, points, settings.Attack, profile, settings.Epsilons(), norm, settings.Targeted, settings.Seed, settings.Batch,
                    new SynchronousProgress(p => { task.MaxValue = p.Total; task.Value = p.Done; }));
                task.Value = task.MaxValue;
            });
        AnsiConsole.Write(Table(rows));
        if (settings.Csv is not null)
        {
            WhiteBoxCsv.Write(settings.Csv, rows);
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(settings.Csv)}");
        }
        return 0;
    }

    private static Table Table(IEnumerable<WhiteBoxRow> rows)
    {
        var table = new Table().AddColumns("attack", "norm", "ε", "goal", "points", "clean acc", "robust acc", "success", "mean L2", "mean L∞", "iterations", "images/s");
        foreach (var r in rows)
            table.AddRow(r.Attack, r.Norm, r.Epsilon?.ToString("0.####") ?? "—", r.Targeted ? "targeted" : "untargeted", r.Points.ToString(),
                r.CleanAccuracy.ToString("P1"), r.RobustAccuracy.ToString("P1"), r.SuccessRate.ToString("P1"),
                r.MeanL2.ToString("F3"), r.MeanLinf.ToString("F4"), r.MeanIterations.ToString("F0"), r.ImagesPerSecond.ToString("F1"));
        return table;
    }

    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
