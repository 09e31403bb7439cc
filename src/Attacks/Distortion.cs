using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Per-example perturbation norms and the norm geometry the attacks share.</summary>
internal static class Distortion
{
    /// <summary>A pixel counts as changed in L0 when some channel moved by more than this.</summary>
    public const double ChangedPixelTolerance = 1e-6;

    private static readonly long[] ImageDims = [1, 2, 3];

    public static Tensor L0(Tensor delta) =>
        delta.abs().amax(1).gt(ChangedPixelTolerance).sum([1, 2], type: ScalarType.Float32);

    public static Tensor L1(Tensor delta) => delta.abs().sum(ImageDims);

    public static Tensor L2(Tensor delta) => delta.square().sum(ImageDims).sqrt();

    public static Tensor SquaredL2(Tensor delta) => delta.square().sum(ImageDims);

    public static Tensor Linf(Tensor delta) => delta.abs().amax(ImageDims);

    public static Tensor Norm(Tensor delta, NormKind norm) => norm == NormKind.Linf ? Linf(delta) : L2(delta);

    /// <summary>The steepest-ascent direction of unit norm: sign(g) for L∞, g/‖g‖₂ for L2.</summary>
    public static Tensor SteepestAscent(Tensor gradient, NormKind norm) => norm == NormKind.Linf
        ? gradient.sign()
        : gradient / PerExample(L2(gradient).clamp_min(1e-12));

    /// <summary>Projects x onto the ε-ball around x0 (clamp for L∞, radial rescale for L2).</summary>
    public static Tensor ProjectToBall(Tensor x, Tensor x0, double epsilon, NormKind norm)
    {
        var delta = x - x0;
        if (norm == NormKind.Linf) return x0 + delta.clamp(-epsilon, epsilon);
        var factor = (epsilon / L2(delta).clamp_min(1e-12)).clamp_max(1.0);
        return x0 + delta * PerExample(factor);
    }

    /// <summary>Reshapes a per-example [N] tensor to broadcast over [N,C,H,W].</summary>
    public static Tensor PerExample(Tensor values) => values.view(-1, 1, 1, 1);
}
