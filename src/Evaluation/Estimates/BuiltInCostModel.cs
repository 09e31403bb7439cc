using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Protocol;
using Robustness.Evaluation.Store;
using Robustness.Pruning;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Estimates;

/// <summary>
/// Seconds from multiply-add counts: every network pass costs its forward FLOPs (<see cref="ModelFlops"/>, counted on
/// a freshly built zoo model), a training or attack step three times that, at one effective rate measured on this
/// machine under its usual load (<see cref="EffectiveFlopsPerSecond"/>). Image counts, epochs, iterations, rounds and
/// forward passes per query come from the cell's profile and the defense's traits. Not modelled: per-process fits that
/// are not networks (The Odds are Odd's calibration, the distribution classifier's second stage), data loading, early aborts.
/// </summary>
internal sealed class BuiltInCostModel : ICostModel
{
    /// <summary>
    /// 11 GFLOP/s: what two recorded runs on the shared 2-core machine achieved — the quick vgg-slim-bn backbone
    /// (39.8 MFLOPs forward) trained at 93 images/s (README: 2 Fashion-MNIST epochs in 21.5 min, 10.7 GFLOP/s), and
    /// configs/transfer.json's 66 cells (≈ 53 TFLOP of predictions and attacks by this model) in 75 min (11.8 GFLOP/s).
    /// The same models reach 140–200 GFLOP/s on an idle machine (bench/README.md): the rate is the load, not the code.
    /// </summary>
    public const double EffectiveFlopsPerSecond = 11e9;
    private const double StepFactor = 3;
    private static readonly HashSet<string> BackboneSharing = ["vanilla", "feature-distillation", "odds-are-odd", "distribution-classifier"];

    /// <summary>Networks a built-in defense trains itself, in trainings of its backbone; a plug-in counts 1.</summary>
    private static readonly Dictionary<string, double> OwnNetworks = new()
    {
        ["bart"] = 1.5, ["comdefend"] = 0.5, ["adp"] = 3, ["ecoc"] = 2, ["k-wta"] = 1,
    };

    private readonly IServiceProvider services;
    private readonly ProfileCatalog profiles;
    private readonly Dictionary<(string, string), double> flops = [];
    private readonly Dictionary<(string, string, string), int> passes = [];
    private readonly Dictionary<(string Profile, string Dataset, string Defense), DefenseTraits?> traits = [];
    private readonly double flopsPerSecond;

    /// <param name="flopsPerSecond">The effective rate; default <see cref="EffectiveFlopsPerSecond"/>.</param>
    public BuiltInCostModel(IServiceProvider services, ProfileCatalog profiles, double flopsPerSecond = EffectiveFlopsPerSecond)
    {
        this.services = services;
        this.profiles = profiles;
        this.flopsPerSecond = flopsPerSecond;
    }

    public bool SharesBackbone(string defense) => BackboneSharing.Contains(defense);

    public double CellSeconds(GridCell cell, bool computesExamples)
    {
        var profile = profiles.Get(cell.Profile, cell.Dataset);
        var backbone = Flops(profile.Backbone, cell.Dataset) * Passes(cell, profile);
        var test = profile.TestLimit ?? 10_000;
        var points = Math.Min(cell.Points, test);
        double work = cell.Kind switch
        {
            CellKinds.Clean => test * backbone,
            CellKinds.Noise => points * backbone,
            CellKinds.WhiteBox when Traits(cell, profile)?.Differentiable == false => 0, // not applicable: no gradient path
            CellKinds.WhiteBox => test * backbone + points * Iterations(cell, profile) * StepFactor * backbone + points * backbone,
            CellKinds.Transfer => test * backbone + points * backbone
                + (computesExamples ? points * Iterations(cell, profile) * StepFactor * Flops(Adversary(profile).SurrogateArchitecture, cell.Dataset) : 0),
            _ => test * backbone,
        };
        return work / flopsPerSecond;
    }

    public double TrainingSeconds(TrainingUnit unit)
    {
        var cell = unit.Cell;
        var profile = profiles.Get(cell.Profile, cell.Dataset);
        var train = (double)(profile.TrainLimit ?? TrainCount(cell.Dataset));
        var backboneTraining = profile.BackboneRecipe.Epochs * train * StepFactor * Flops(profile.Backbone, cell.Dataset);
        double work = unit.TimingKey switch
        {
            TimingKeys.TrainBackbones => backboneTraining,
            TimingKeys.TrainDefenses => Own(cell.Defense, profile) * backboneTraining,
            TimingKeys.BuildVariants => VariantEpochs(profile) * train * StepFactor * Flops(profile.Backbone, cell.Dataset)
                * (unit.Key.EndsWith("|vanilla", StringComparison.Ordinal) ? 1 : Own(cell.Defense, profile)),
            TimingKeys.TrainSurrogates => SurrogateWork(cell, profile, train),
            _ => 0,
        };
        return work / flopsPerSecond;
    }

    private double SurrogateWork(GridCell cell, DatasetProfile profile, double train)
    {
        var options = Adversary(profile);
        var surrogate = Flops(options.SurrogateArchitecture, cell.Dataset);
        if (cell.Adversary == AdversaryIds.PureBlackBox)
            return options.PureBlackBoxSteps((long)train) * options.BatchSize * StepFactor * surrogate;
        var seed = Math.Max(1, Math.Ceiling((cell.Q ?? 1) * train));
        double training = 0, labelled = 0, gradients = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            var set = seed * Math.Pow(2, round);
            training += options.EpochsPerRound * set * StepFactor * surrogate;
            labelled += options.Labelling == LabellingMode.RelabelAll || round == 0 ? set : set / 2;
            if (round < options.Rounds - 1) gradients += set * StepFactor * surrogate;
        }
        return training + gradients + labelled * Passes(cell, profile) * Flops(profile.Backbone, cell.Dataset);
    }

    private static AdversaryOptions Adversary(DatasetProfile profile) => profile.Section(AdversaryOptions.SectionName, new AdversaryOptions());

    private static double VariantEpochs(DatasetProfile profile)
    {
        var options = PruningVariantFactory.Options(profile);
        return options.Epochs + options.RetrainEpochs;
    }

    /// <summary>Own networks of a defense in backbone trainings; buffer zones from their members' sizes and epochs.</summary>
    private static double Own(string defense, DatasetProfile profile)
    {
        if (OwnNetworks.TryGetValue(defense, out var known)) return known;
        if (Section(profile, defense) is { } section && section["inputSizes"] is JsonArray sizes)
        {
            var epochs = section["memberEpochs"]?.GetValue<int>() ?? profile.BackboneRecipe.Epochs;
            return sizes.Sum(s => Math.Pow(s!.GetValue<int>() / 32.0, 2)) * epochs / profile.BackboneRecipe.Epochs;
        }
        return 1;
    }

    /// <summary>Network passes per attack point: 1, or steps × binary-search steps (C&amp;W, EAD), times the cell's scale.</summary>
    private static double Iterations(GridCell cell, DatasetProfile profile)
    {
        var attack = cell.Attack ?? "";
        var section = Section(profile, attack, "attacks");
        var steps = section?["steps"]?.GetValue<int>() ?? (attack is AttackIds.CarliniWagnerL2 or AttackIds.ElasticNet ? 1000 : 10);
        var searches = section?["binarySearchSteps"]?.GetValue<int>() ?? (attack is AttackIds.CarliniWagnerL2 or AttackIds.ElasticNet ? 9 : 1);
        var iterations = attack == AttackIds.Fgsm ? 1 : steps * searches;
        return iterations * cell.IterationScale;
    }

    /// <summary>Forward passes per query: the profile's sample counts where it sets them, else the defense's traits.</summary>
    private int Passes(GridCell cell, DatasetProfile profile)
    {
        var key = (cell.Profile, cell.Dataset, cell.Defense);
        if (passes.TryGetValue(key, out var known)) return known;
        var section = Section(profile, cell.Defense);
        int? fromProfile = section switch
        {
            { } s when s["noiseSamples"] is { } n => 1 + n.GetValue<int>(),
            { } s when s["samples"] is { } n => n.GetValue<int>(),
            { } s when s["inputSizes"] is JsonArray sizes => sizes.Count,
            _ => null,
        };
        return passes[key] = fromProfile ?? Math.Max(1, Traits(cell, profile)?.ForwardPassesPerQuery ?? 1);
    }

    /// <summary>The registered defense's traits as configured by the cell's profile (a plug-in not loaded: null).</summary>
    private DefenseTraits? Traits(GridCell cell, DatasetProfile profile)
    {
        var key = (cell.Profile, cell.Dataset, cell.Defense);
        if (traits.TryGetValue(key, out var known)) return known;
        return traits[key] = services.GetKeyedService<DefenseFactory>(cell.Defense)?.Create(profile).Traits;
    }

    private static JsonObject? Section(DatasetProfile profile, string id, string parent = "defenses") =>
        profile.Sections[parent] is JsonObject all && all[id] is JsonObject section ? section : null;

    private static int TrainCount(string dataset) => dataset == DatasetIds.Cifar10 ? 50_000 : 60_000;

    /// <summary>Forward FLOPs of one image; the model is built with torch's global generator saved and restored, so estimating draws nothing a run would see.</summary>
    private double Flops(string architecture, string dataset)
    {
        if (flops.TryGetValue((architecture, dataset), out var known)) return known;
        var info = DatasetInfo.FromId(dataset);
        var zoo = services.GetService<IModelZoo>() ?? throw new InvalidOperationException("No model zoo is registered: the cost model cannot count FLOPs.");
        using var state = Generator.Default.get_state();
        try
        {
            using var model = zoo.Create(architecture, new ModelSpec(info));
            return flops[(architecture, dataset)] = ModelFlops.ForwardPerImage(model, [info.Channels, info.Height, info.Width]);
        }
        finally
        {
            Generator.Default.set_state(state);
        }
    }
}
