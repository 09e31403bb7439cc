using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>The fitted feature-distillation defense: the distiller in front of the vanilla backbone. Owns the backbone.</summary>
public sealed class FittedFeatureDistillationDefense(DefenseTraits traits, FeatureDistiller distiller, ModuleClassifier backbone) : IFittedDefense
{
    public string Id => DefenseIds.FeatureDistillation;

    public DefenseTraits Traits => traits;

    public FeatureDistiller Distiller => distiller;

    /// <summary>The undefended backbone (shared with the vanilla defense through the artefact store).</summary>
    public IClassifier Backbone => backbone;

    public Tensor Predict(Tensor images) =>
        ClassifierExtensions.MapBatches(images, 256, batch => backbone.Logits(distiller.Distill(batch)).argmax(1).cpu());

    public void Dispose() => backbone.Module.Dispose();
}
