using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.Vanilla;

/// <summary>The fitted vanilla defense: the trained backbone's arg-max. Owns the backbone.</summary>
public sealed class FittedVanillaDefense(DefenseTraits traits, ModuleClassifier backbone) : IFittedDefense
{
    public string Id => DefenseIds.Vanilla;

    public DefenseTraits Traits => traits;

    public Tensor Predict(Tensor images) => backbone.PredictLabels(images);

    public IClassifier? AsClassifier() => backbone;

    public void Dispose() => backbone.Module.Dispose();
}
