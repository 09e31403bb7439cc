using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>
/// A trained defense (the transformer of <see cref="IDefense.Fit"/>): immutable after construction, owns its
/// networks. It is what the adversary queries as the oracle.
/// </summary>
public interface IFittedDefense : IDisposable
{
    string Id { get; }

    /// <summary>The traits of the configured defense it was fitted from.</summary>
    DefenseTraits Traits { get; }

    /// <summary>The oracle: labels [N] (int64) on CPU, <see cref="Labels.Reject"/> where the defense abstains.</summary>
    Tensor Predict(Tensor images);

    /// <summary>
    /// The defended model as a differentiable classifier where one exists (for white-box checks), else null.
    /// </summary>
    IClassifier? AsClassifier() => null;
}
