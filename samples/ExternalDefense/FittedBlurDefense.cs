using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Samples.ExternalDefense;

/// <summary>The fitted sample defense: the trained blur-then-CNN network's arg-max. Owns the network.</summary>
public sealed class FittedBlurDefense(DefenseTraits traits, ModuleClassifier network) : IFittedDefense
{
    public string Id => BlurDefense.DefenseId;

    public DefenseTraits Traits => traits;

    public Tensor Predict(Tensor images) => network.PredictLabels(images);

    public IClassifier? AsClassifier() => network;

    public void Dispose() => network.Module.Dispose();
}
