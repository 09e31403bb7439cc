using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// Raff et al., CVPR 2019 — Barrage of Random Transforms: every query is transformed by k random groups in random
/// order before the backbone, which was trained on barrage-transformed images (round(k·u) groups per training image,
/// u ~ U(0, 1), as Beware trained it). Randomised: the defense owns a
/// generator seeded from the context seed, so a run's sequence of answers reproduces.
/// </summary>
public sealed class BartDefense(BartOptions options) : IDefense
{
    public const string BackboneRole = "backbone";

    /// <summary>Bumped when a transform changes, so cached backbones trained on the old barrage are not reused.</summary>
    public const string TransformVersion = "2";

    private ModuleClassifier? backbone;
    private BartBarrage? barrage;
    private Generator? generator;

    public string Id => DefenseIds.Bart;

    public DefenseTraits Traits { get; } = new(Randomized: true, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    public BartBarrage Barrage => barrage ?? throw NotFitted();

    public IClassifier? Backbone => backbone;

    public void Fit(DefenseContext context)
    {
        var groups = BartGroups.For(context.Dataset.Channels);
        var settings = context.Profile.Section($"defenses.{DefenseIds.Bart}", options);
        settings.Validate(groups.Count);
        Dispose();
        barrage = new BartBarrage(groups, settings.TransformCount);
        generator = new Generator((ulong)context.Seed);
        torch.manual_seed(context.Seed);
        var module = context.Zoo.Create(context.Profile.Backbone, new ModelSpec(context.Dataset));
        module.to(context.Device);
        var recipe = settings.Epochs is { } epochs ? context.Profile.BackboneRecipe with { Epochs = epochs } : context.Profile.BackboneRecipe;
        var config = new Dictionary<string, string>
        {
            ["transformCount"] = settings.TransformCount.ToString(CultureInfo.InvariantCulture),
            ["groups"] = string.Join(",", groups.Select(g => g.Name)),
            ["trainingTransformCount"] = "round(k*u)",
            ["transformVersion"] = TransformVersion,
        };
        var request = new NetworkRequest(Id, BackboneRole, context.Profile.Backbone, recipe, context.Seed, config,
            InputTransform: barrage.ApplyForTraining);
        context.Networks.TrainOrLoad(request, module, context.Train);
        module.eval();
        backbone = new ModuleClassifier(module, context.Dataset.NumClasses, context.Device);
    }

    public Tensor Predict(Tensor images)
    {
        var model = backbone ?? throw NotFitted();
        var transforms = Barrage;
        var draws = generator!;
        return ClassifierExtensions.MapBatches(images, 256, batch => model.Logits(transforms.Apply(batch, draws)).argmax(1).cpu());
    }

    private static InvalidOperationException NotFitted() => new($"{DefenseIds.Bart}: Fit must be called before Predict.");

    public void Dispose()
    {
        backbone?.Module.Dispose();
        generator?.Dispose();
        backbone = null;
        generator = null;
    }
}
