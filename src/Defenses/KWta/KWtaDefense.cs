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
public sealed class KWtaDefense : IDefense
{
    public const string Role = "backbone";

    private readonly KWtaOptions defaults;
    private ModuleClassifier? network;

    public KWtaDefense(KWtaOptions options)
    {
        defaults = options;
        Options = options;
    }

    public string Id => DefenseIds.KWta;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    /// <summary>The options after the profile's "defenses.k-wta" overrides (set by <see cref="Fit"/>).</summary>
    public KWtaOptions Options { get; private set; }

    /// <summary>The k-WTA layers of the fitted network, in creation order.</summary>
    public IReadOnlyList<KWtaActivation> Layers { get; private set; } = [];

    public void Fit(DefenseContext context)
    {
        Options = context.Profile.Section($"defenses.{DefenseIds.KWta}", defaults);
        Options.Validate();
        var recipe = context.Profile.BackboneRecipe;
        var schedule = new KWtaSparsitySchedule(Options, (long)recipe.Epochs * context.Train.Count);
        torch.manual_seed(context.Seed);
        var module = context.Zoo.Create(context.Profile.Backbone, new ModelSpec(context.Dataset, Activation: schedule.NewLayer));
        if (schedule.Layers.Count == 0)
            throw new InvalidOperationException($"{DefenseIds.KWta}: backbone '{context.Profile.Backbone}' created no activation through ModelSpec.Activation, so there is no ReLU to replace.");
        module.to(context.Device);
        var request = new NetworkRequest(DefenseIds.KWta, Role, context.Profile.Backbone, recipe, context.Seed, Config(Options),
            Loss: (output, _, labels) =>
            {
                var loss = nn.functional.cross_entropy(output, labels);
                schedule.Advance(labels.shape[0]);
                return loss;
            });
        try
        {
            context.Networks.TrainOrLoad(request, module, context.Train);
        }
        finally
        {
            schedule.Finish();
        }
        module.eval();
        Dispose();
        Layers = schedule.Layers;
        network = new ModuleClassifier(module, context.Dataset.NumClasses, context.Device);
    }

    public Tensor Predict(Tensor images) => Fitted.PredictLabels(images);

    public IClassifier? AsClassifier() => Fitted;

    private static Dictionary<string, string> Config(KWtaOptions o) => new()
    {
        ["activation"] = "k-wta-topk-scatter",
        ["sparsity"] = o.Sparsity.ToString("R", CultureInfo.InvariantCulture),
        ["schedule"] = o.IncrementalSchedule
            ? $"linear:{o.StartSparsity.ToString("R", CultureInfo.InvariantCulture)}:{o.ScheduleFraction.ToString("R", CultureInfo.InvariantCulture)}"
            : "none",
    };

    private ModuleClassifier Fitted => network ?? throw new InvalidOperationException($"{DefenseIds.KWta}: Fit must be called before Predict.");

    public void Dispose()
    {
        network?.Module.Dispose();
        network = null;
    }
}
