using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.KWta;

/// <summary>
/// k-WTA over a whole layer, per sample: of the d = C·H·W (or F) activations of each sample, the k = ⌈γ·d⌉ largest
/// keep their values, all others become 0 (kept values may be negative: k-WTA, unlike ReLU, does not clip them).
/// Ties: the k positions come from top-k indices scattered into zeros, so exactly k positions are kept even when
/// several values equal the k-th largest (which of the equal values win is top-k's deterministic order on CPU).
/// Gradients flow to the kept positions only.
/// </summary>
public sealed class KWtaActivation : nn.Module<Tensor, Tensor>
{
    private double sparsity;

    public KWtaActivation(double sparsity) : base("k-wta")
    {
        Sparsity = sparsity;
    }

    /// <summary>γ ∈ (0, 1]; changed by the incremental schedule while training.</summary>
    public double Sparsity
    {
        get => sparsity;
        set => sparsity = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "k-WTA sparsity γ must be in (0, 1].");
    }

    /// <summary>k = ⌈γ·d⌉ (at least 1), robust to floating error (γ = 0.1, d = 100 gives 10, not 11).</summary>
    public static long KeepCount(long d, double gamma) =>
        Math.Clamp((long)Math.Ceiling(Math.Round(gamma * d, 9)), 1, d);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        if (input.dim() < 2) throw new ArgumentException($"k-WTA expects [N, ...] activations, got [{string.Join(",", input.shape)}].", nameof(input));
        var flat = input.flatten(1);
        var k = KeepCount(flat.shape[1], sparsity);
        var (values, indices) = flat.topk((int)k, 1);
        return zeros_like(flat).scatter(1, indices, values).view(input.shape).MoveToOuterDisposeScope();
    }
}
