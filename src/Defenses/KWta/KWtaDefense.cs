using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.KWta;

/// <summary>
/// k-WTA defense (Xiao et al., ICLR 2020): the profile's backbone with every activation replaced by
/// <see cref="KWtaActivation"/>, trained with cross-entropy (and the incremental γ schedule). Deterministic; one pass.
/// </summary>
public sealed class KWtaDefense(KWtaOptions options) : IDefense
{
    public const string Role = "backbone";

    public string Id => DefenseIds.KWta;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    /// <summary>The options in force (the profile's "defenses.k-wta" section bound over the defaults).</summary>
    public KWtaOptions Options => options;

    public FittedKWtaDefense Fit(DefenseContext context)
    {
        var recipe = context.Profile.BackboneRecipe;
        var schedule = new KWtaSparsitySchedule(options, (long)recipe.Epochs * context.Train.Count);
        var request = new NetworkRequest(DefenseIds.KWta, Role, context.Profile.Backbone, recipe, context.Seed, Config(options),
            Loss: (output, _, labels) =>
            {
                var loss = nn.functional.cross_entropy(output, labels);
                schedule.Advance(labels.shape[0]);
                return loss;
            });
        try
        {
            var (module, _) = context.TrainOrLoad(request, () =>
            {
                var created = context.Zoo.Create(context.Profile.Backbone, new ModelSpec(context.Dataset, Activation: schedule.NewLayer));
                if (schedule.Layers.Count != 0) return created;
                created.Dispose();
                throw new InvalidOperationException($"{DefenseIds.KWta}: backbone '{context.Profile.Backbone}' created no activation through ModelSpec.Activation, so there is no ReLU to replace.");
            });
            return new FittedKWtaDefense(Traits, new ModuleClassifier(module, context.Dataset.NumClasses, context.Device), schedule.Layers);
        }
        finally
        {
            schedule.Finish();
        }
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);

    private static Dictionary<string, string> Config(KWtaOptions o) => new()
    {
        ["activation"] = "k-wta-topk-scatter",
        ["sparsity"] = o.Sparsity.ToString("R", CultureInfo.InvariantCulture),
        ["schedule"] = o.IncrementalSchedule
            ? $"linear:{o.StartSparsity.ToString("R", CultureInfo.InvariantCulture)}:{o.ScheduleFraction.ToString("R", CultureInfo.InvariantCulture)}"
            : "none",
    };
}
