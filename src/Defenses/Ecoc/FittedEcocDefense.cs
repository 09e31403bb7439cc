using Robustness.Core.Contracts;
using Robustness.Defenses.Ensembles;
using static TorchSharp.torch;

namespace Robustness.Defenses.Ecoc;

/// <summary>The fitted ECOC defense: trained code networks and the codeword decoder. Owns both.</summary>
public sealed class FittedEcocDefense(DefenseTraits traits, ModuleOutputClassifier networks, EcocDecoder decoder) : IFittedDefense
{
    public string Id => DefenseIds.Ecoc;

    public DefenseTraits Traits => traits;

    /// <summary>Class of the nearest codeword to the decoded bits.</summary>
    public Tensor Predict(Tensor images) =>
        ClassifierExtensions.MapBatches(images, 256, batch => decoder.Decode(networks.RawOutput(batch)).cpu());

    /// <summary>Differentiable path: logits log(max(tanh(z)·C_k, 0) + floor), whose softmax is the paper's probability.</summary>
    public IClassifier? AsClassifier() => networks;

    /// <summary>
    /// The decoded bits tanh(z) [N, CodeLength] (CPU, float64 so that the open interval (−1, 1) survives rounding for
    /// |z| up to ≈ 19; float32 rounds tanh(z) to ±1 beyond |z| ≈ 9), batched without autograd.
    /// </summary>
    public Tensor Bits(Tensor images) =>
        ClassifierExtensions.MapBatches(images, 256, batch => EcocDecoder.Bits(networks.RawOutput(batch).to(float64)).cpu());

    /// <summary>The codewords [classes, CodeLength] in use.</summary>
    public Tensor Codewords => decoder.Codewords;

    public void Dispose()
    {
        networks.Dispose();
        decoder.Dispose();
    }
}
