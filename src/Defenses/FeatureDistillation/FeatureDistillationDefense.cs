using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// Liu et al., CVPR 2019 — feature distillation in front of the undefended backbone. The backbone is the vanilla
/// defense's own artefact (owner "vanilla", role "backbone"). The paper's table is fixed (uniform step 80); the
/// optional band-deviation table is measured on the first training images, deterministic and recomputed in milliseconds.
/// </summary>
public sealed class FeatureDistillationDefense(FeatureDistillationOptions options) : IDefense
{
    private ModuleClassifier? backbone;
    private FeatureDistiller? distiller;

    public string Id => DefenseIds.FeatureDistillation;

    /// <summary>Deterministic; rounding has zero gradient, so no useful white-box path (BPDA aside).</summary>
    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    public FeatureDistiller Distiller => distiller ?? throw NotFitted();

    /// <summary>The undefended backbone after <see cref="Fit"/> (shared with the vanilla defense), else null.</summary>
    public IClassifier? Backbone => backbone;

    public void Fit(DefenseContext context)
    {
        var settings = context.Profile.Section($"defenses.{DefenseIds.FeatureDistillation}", options);
        settings.Validate();
        distiller = FeatureDistiller.For(settings, context.Train.Images);
        backbone?.Module.Dispose();
        backbone = VanillaBackbone.Fit(context);
    }

    public Tensor Predict(Tensor images)
    {
        var model = backbone ?? throw NotFitted();
        var purifier = Distiller;
        return ClassifierExtensions.MapBatches(images, 256, batch => model.Logits(purifier.Distill(batch)).argmax(1).cpu());
    }

    private static InvalidOperationException NotFitted() => new($"{DefenseIds.FeatureDistillation}: Fit must be called before Predict.");

    public void Dispose() => backbone?.Module.Dispose();
}
