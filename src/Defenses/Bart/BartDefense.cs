using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// Raff et al., CVPR 2019 — Barrage of Random Transforms: every query is transformed by k random groups in random
/// order before the backbone, which was trained on barrage-transformed images (round(k·u) groups per training image,
/// u ~ U(0, 1), as Beware trained it). Randomised: the fitted defense owns a generator seeded from the context seed,
/// so a run's sequence of answers reproduces.
/// </summary>
public sealed class BartDefense(BartOptions options) : IDefense
{
    public const string BackboneRole = "backbone";

    /// <summary>Bumped when a transform changes, so cached backbones trained on the old barrage are not reused.</summary>
    public const string TransformVersion = "2";

    public string Id => DefenseIds.Bart;

    public DefenseTraits Traits { get; } = new(Randomized: true, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    /// <summary>The options in force (the profile's "defenses.bart" section bound over the defaults).</summary>
    public BartOptions Options => options;

    public FittedBartDefense Fit(DefenseContext context)
    {
        var groups = BartGroups.For(context.Dataset.Channels);
        var barrage = new BartBarrage(groups, options.TransformCount);
        var recipe = options.Epochs is { } epochs ? context.Profile.BackboneRecipe with { Epochs = epochs } : context.Profile.BackboneRecipe;
        var config = new Dictionary<string, string>
        {
            ["transformCount"] = options.TransformCount.ToString(CultureInfo.InvariantCulture),
            ["groups"] = string.Join(",", groups.Select(g => g.Name)),
            ["trainingTransformCount"] = "round(k*u)",
            ["transformVersion"] = TransformVersion,
        };
        var request = new NetworkRequest(Id, BackboneRole, context.Profile.Backbone, recipe, context.Seed, config,
            InputTransform: barrage.ApplyForTraining);
        var module = context.TrainOrLoadZooModel(request, new ModelSpec(context.Dataset));
        return new FittedBartDefense(Traits, new ModuleClassifier(module, context.Dataset.NumClasses, context.Device), barrage,
            new Generator((ulong)context.Seed));
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);
}
