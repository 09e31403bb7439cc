using static TorchSharp.torch;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// Decoding of ECOC bit scores z [N, B] against codewords C [K, B] (±1): bits = tanh(z) ∈ (−1, 1); correlation
/// s_k = bits · C_k; the paper's class probabilities p_k = max(s_k, 0) / Σ_j max(s_j, 0), computed as the softmax
/// of logits log(max(s_k, 0) + floor); the label is the codeword of highest correlation (for equal-norm ±1 codewords,
/// the nearest one in Euclidean distance). Owns <see cref="Codewords"/>.
/// </summary>
public sealed class EcocDecoder(Tensor codewords, double floor) : IDisposable
{
    public Tensor Codewords { get; } = codewords.DetachFromDisposeScope();

    public static Tensor Bits(Tensor scores) => scores.tanh();

    public Tensor Correlations(Tensor bits) => bits.matmul(Codewords.to(bits.device).to(bits.dtype).t());

    /// <summary>log(max(s, 0) + floor) [N, K]: softmax of these is the paper's decoded probability.</summary>
    public Tensor Logits(Tensor scores)
    {
        using var scope = NewDisposeScope();
        return (Correlations(Bits(scores)).clamp_min(0) + floor).log().MoveToOuterDisposeScope();
    }

    public Tensor Probabilities(Tensor scores) => Logits(scores).softmax(1);

    /// <summary>Class of the most correlated (nearest) codeword [N].</summary>
    public Tensor Decode(Tensor scores)
    {
        using var scope = NewDisposeScope();
        return Correlations(Bits(scores)).argmax(1).MoveToOuterDisposeScope();
    }

    public void Dispose() => Codewords.Dispose();
}
