using System.Diagnostics;
using System.Text.Json;
using Robustness.Cli.Commands.Prune;
using Robustness.Cli.Commands.Train;
using Robustness.Core;
using Robustness.Core.Artefacts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Defenses;
using Robustness.Pruning;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace Robustness.Cli.Commands;

/// <summary>
/// Prunes a profile's backbone (trained or reused from the artefact store, the same artefact as `train`) with SLR,
/// ADMM or magnitude pruning, hard-prunes it, retrains it with masks, stores it with its mask and prints accuracy
/// after the hard prune and after retraining, sparsity and FLOPs. The hard-pruned accuracy after every SLR/ADMM epoch
/// (on the test images) is printed as it comes and as a table; --summary-out writes it all as JSON.
/// </summary>
public sealed class PruneCommand(IModelZoo zoo) : Command<PruneSettings>
{
    public override int Execute(CommandContext context, PruneSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.LoadProfile();
        var options = profile.Section(PruningVariantFactory.ProfileSection, new PruningOptions());
        options = options with { Epochs = settings.Epochs ?? options.Epochs, RetrainEpochs = settings.RetrainEpochs ?? options.RetrainEpochs };
        var spec = settings.Spec;
        var modelId = settings.ModelId(zoo, profile);
        var device = settings.SelectDevice();
        var dataset = DatasetInfo.FromId(settings.Dataset);
        var (train, test) = settings.LoadData(profile);
        using var trainOwner = train;
        using var testOwner = test;
        var store = new ArtefactStore(settings.Artefacts);
        Console.WriteLine($"prune {modelId} on {settings.Dataset} ({train.Count} train / {test.Count} test images): {spec.Id}, profile {settings.Profile}, " +
                          $"{options.Epochs} pruning + {options.RetrainEpochs} retraining epochs, seed {settings.Seed}, device {device}, store {store.Root}");

        manual_seed(settings.Seed);
        using var model = zoo.Create(modelId, new ModelSpec(dataset));
        var request = new NetworkRequest(DefenseIds.Vanilla, "backbone", modelId, profile.BackboneRecipe, settings.Seed);
        var display = new TrainingProgressDisplay(null);
        var dense = new NetworkTrainer(store, device, progress: display, log: Console.WriteLine).TrainOrLoad(request, model, train);
        display.Complete();
        Console.WriteLine($"dense artefact {dense.ArtefactHash} ({(dense.FromCache ? "reused" : "trained")})");

        var prunedHash = PrunedArtefact.Hash(dense.ArtefactHash, spec, options, settings.Seed);
        if (store.Exists(prunedHash))
        {
            PrunedArtefact.Load(store, prunedHash, model);
            var stored = JsonSerializer.Deserialize<PruningSummary>(File.ReadAllText(store.FilePath(prunedHash, PrunedArtefact.SummaryFile)), PrunedArtefact.Json)!;
            Console.WriteLine($"pruned artefact {prunedHash} (reused)");
            Console.WriteLine(stored);
            WriteEpochs(stored.Log);
            WriteRun(settings, stored);
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var pruner = new NetworkPruner(options with { Augmentation = profile.BackboneRecipe.Augmentation });
        var progress = new TrainingProgressDisplay(null);
        using var result = pruner.Prune(model, spec, train, test, device, settings.Seed, progress: progress,
            onEpoch: entry => Console.WriteLine($"{spec.Id} {entry}"));
        progress.Complete();
        var summary = PruningSummary.From(result, $"vanilla/{modelId}");
        PrunedArtefact.Commit(store, dense.ArtefactHash, model, result, summary);
        Console.WriteLine($"pruned artefact {prunedHash} (mask in {PrunedArtefact.MaskFile}); wall {watch.Elapsed.TotalSeconds:F1} s");
        Write(result);
        WriteEpochs(result.Log);
        WriteRun(settings, summary);
        return 0;
    }

    private static void WriteEpochs(IReadOnlyList<PruningEpochLog> log)
    {
        if (log.Count == 0) return;
        var table = new Table().AddColumns("epoch", "k", "Σ‖W−Z‖", "train loss", "hard-pruned accuracy");
        foreach (var e in log)
            table.AddRow($"{e.Epoch}", e.K > 0 ? $"{e.K}" : "-", $"{e.ResidualNorm:F4}", $"{e.TrainLoss:F4}", $"{e.HardPrunedAccuracy:P2}");
        AnsiConsole.Write(table);
    }

    private static void WriteRun(PruneSettings settings, PruningSummary summary)
    {
        if (settings.SummaryOut is not { } path) return;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(path, JsonSerializer.Serialize(new PruningRun(settings.Dataset, settings.Profile, summary), PrunedArtefact.Json));
        Console.WriteLine($"run summary: {path}");
    }

    private static void Write(PruningResult result)
    {
        var layers = new Table().AddColumns("layer", "pruned", "weights", "non-zero", "sparsity", "MFLOPs dense", "MFLOPs sparse");
        foreach (var l in result.Sparsity.Layers)
            layers.AddRow(Markup.Escape(l.Name), l.Pruned ? "yes" : "no", $"{l.Weights:N0}", $"{l.NonZero:N0}", $"{l.Sparsity:P1}",
                $"{l.DenseFlops / 1e6:F2}", $"{l.SparseFlops / 1e6:F2}");
        AnsiConsole.Write(layers);
        var s = result.Sparsity;
        var summary = new Table().AddColumns("", result.Spec.Id);
        summary.AddRow("test accuracy dense", $"{result.DenseAccuracy:P2}");
        summary.AddRow("after hard prune", $"{result.HardPrunedAccuracy:P2}");
        summary.AddRow("after masked retraining", $"{result.RetrainedAccuracy:P2}");
        summary.AddRow("sparsity (all conv/linear)", $"{s.Sparsity:P2}");
        summary.AddRow("sparsity (pruned layers)", $"{s.PrunedLayerSparsity:P2}");
        summary.AddRow("FLOPs per image dense → sparse", $"{s.DenseFlops / 1e6:F2} M → {s.SparseFlops / 1e6:F2} M ({s.FlopReduction:F2}×)");
        summary.AddRow("epochs pruning + retraining", $"{result.Log.Count} + {result.Options.RetrainEpochs}");
        summary.AddRow("seconds pruning + retraining", $"{result.PhaseSeconds:F1} + {result.RetrainSeconds:F1}");
        AnsiConsole.Write(summary);
    }
}
