using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.KWta;

/// <summary>The fitted k-WTA defense: the trained k-WTA network's arg-max. Owns the network.</summary>
public sealed class FittedKWtaDefense(DefenseTraits traits, ModuleClassifier network, IReadOnlyList<KWtaActivation> layers) : IFittedDefense
{
    public string Id => DefenseIds.KWta;

    public DefenseTraits Traits => traits;

    /// <summary>The k-WTA layers of the network, in creation order.</summary>
    public IReadOnlyList<KWtaActivation> Layers => layers;

    public Tensor Predict(Tensor images) => network.PredictLabels(images);

    public IClassifier? AsClassifier() => network;

    public void Dispose() => network.Module.Dispose();
}
