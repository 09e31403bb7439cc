using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>A defense plug-in. Registered by a kebab-case id; the harness reads <see cref="Traits"/>, never the type.</summary>
public interface IDefense : IDisposable
{
    string Id { get; }
    DefenseTraits Traits { get; }

    /// <summary>Trains (or loads from the artefact store) everything the defense needs. Resumable.</summary>
    void Fit(DefenseContext context);

    /// <summary>The oracle: labels [N] (int64) on CPU, <see cref="Labels.Reject"/> where the defense abstains.</summary>
    Tensor Predict(Tensor images);

    /// <summary>
    /// The defended model as a differentiable classifier where one exists (for white-box checks), else null.
    /// </summary>
    IClassifier? AsClassifier() => null;
}
