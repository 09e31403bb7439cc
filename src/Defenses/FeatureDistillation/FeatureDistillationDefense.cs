using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// Liu et al., CVPR 2019 — feature distillation in front of the undefended backbone. The backbone is the vanilla
/// defense's own artefact (owner "vanilla", role "backbone"). The paper's table is fixed (uniform step 80); the
/// optional band-deviation table is measured on the first training images, deterministic and recomputed in milliseconds.
/// </summary>
public sealed class FeatureDistillationDefense(FeatureDistillationOptions options) : IDefense
{
    public string Id => DefenseIds.FeatureDistillation;

    /// <summary>Deterministic; rounding has zero gradient, so no useful white-box path (BPDA aside).</summary>
    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1);

    /// <summary>The options in force (the profile's "defenses.feature-distillation" section bound over the defaults).</summary>
    public FeatureDistillationOptions Options => options;

    public FittedFeatureDistillationDefense Fit(DefenseContext context)
    {
        var distiller = FeatureDistiller.For(options, context.Train.Images);
        return new FittedFeatureDistillationDefense(Traits, distiller, VanillaBackbone.Fit(context));
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);
}
