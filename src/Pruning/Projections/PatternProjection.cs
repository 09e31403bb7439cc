using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>
/// Pattern pruning of 3×3 kernels: each kernel keeps the library pattern that retains the most energy (Σ w²),
/// which alone prunes 5/9 of the weights; higher ratios also remove whole kernels (connectivity pruning), the
/// weakest by their retained energy, keeping round((1 − ratio) · 9K / 4) kernels of K. Layers that are not 3×3
/// convolutions fall back to irregular pruning at the same ratio.
/// </summary>
public sealed class PatternProjection : ISparsityProjection
{
    private static readonly IrregularProjection Fallback = new();

    public SparsityType Type => SparsityType.Pattern;

    public static bool Applies(Tensor weight) => weight.dim() == 4 && weight.shape[2] == 3 && weight.shape[3] == 3;

    /// <summary>Kernels kept out of <paramref name="kernels"/> at <paramref name="ratio"/>.</summary>
    public static long KernelsKept(long kernels, double ratio)
    {
        StructureSelection.PrunedCount(kernels, ratio); // validates the ratio
        return Math.Min(kernels, (long)Math.Round((1 - ratio) * kernels * 9 / KernelPatterns.EntriesPerPattern, MidpointRounding.AwayFromZero));
    }

    public Tensor Mask(Tensor weight, double ratio)
    {
        if (!Applies(weight)) return Fallback.Mask(weight, ratio);
        using var scope = NewDisposeScope();
        var energy = weight.detach().pow(2).reshape(-1, 9).to(float32);          // [K, 9]
        var patterns = KernelPatterns.AsMatrix().to(weight.device);               // [P, 9]
        var (best, index) = energy.matmul(patterns.t()).max(1);                   // [K]
        var kernelMask = patterns.index_select(0, index);                         // [K, 9]
        var keepKernels = StructureSelection.KeepLargest(best, KernelsKept(energy.shape[0], ratio));
        return (kernelMask * keepKernels.unsqueeze(1)).reshape(weight.shape).MoveToOuterDisposeScope();
    }
}
