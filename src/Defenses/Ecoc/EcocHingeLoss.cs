using static TorchSharp.torch;

namespace Robustness.Defenses.Ecoc;

/// <summary>
/// The training loss of the paper's tanh ensemble (as in its published code): the hinge
/// mean(max(0, 1 − c_y,b · z_b)) over examples and bits, on the sub-networks' raw bit scores z (before tanh),
/// against the ±1 bits of the true class's codeword.
/// </summary>
public static class EcocHingeLoss
{
    public static Tensor Compute(Tensor scores, Tensor labels, Tensor codewords)
    {
        using var scope = NewDisposeScope();
        if (scores.dim() != 2 || scores.shape[1] != codewords.shape[1])
            throw new ArgumentException($"ECOC loss: scores must be [N,{codewords.shape[1]}], got [{string.Join(",", scores.shape)}].", nameof(scores));
        var targets = codewords.to(scores.device).to(scores.dtype).index_select(0, labels);
        return (1 - targets * scores).clamp_min(0).mean().MoveToOuterDisposeScope();
    }
}
