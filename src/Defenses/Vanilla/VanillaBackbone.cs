using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;

namespace Robustness.Defenses.Vanilla;

/// <summary>
/// The undefended backbone of a profile. Defenses that sit in front of it (feature distillation, ComDefend,
/// The Odds are Odd ...) fit it through here, so they share one artefact with the vanilla defense.
/// </summary>
public static class VanillaBackbone
{
    public const string Role = "backbone";

    public static NetworkRequest Request(DefenseContext context) =>
        new(DefenseIds.Vanilla, Role, context.Profile.Backbone, context.Profile.BackboneRecipe, context.Seed);

    /// <summary>Trains or loads the backbone (on the context's device, in the run's variant) and wraps it; the caller owns it.</summary>
    public static ModuleClassifier Fit(DefenseContext context) =>
        new(context.TrainOrLoadZooModel(Request(context), new ModelSpec(context.Dataset)), context.Dataset.NumClasses, context.Device);
}
