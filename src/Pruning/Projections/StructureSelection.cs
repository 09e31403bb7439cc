using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>Keeps the largest-scoring entries of a 1-D score vector: the common core of every projection.</summary>
public static class StructureSelection
{
    /// <summary>How many of <paramref name="count"/> structures a pruning ratio removes: round(ratio · count).</summary>
    public static long PrunedCount(long count, double ratio)
    {
        if (double.IsNaN(ratio) || ratio is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the pruning ratio must be in [0, 1]");
        return (long)Math.Round(ratio * count, MidpointRounding.AwayFromZero);
    }

    /// <summary>A float 0/1 vector keeping the <paramref name="keep"/> largest <paramref name="scores"/> (ties: lowest index first).</summary>
    public static Tensor KeepLargest(Tensor scores, long keep)
    {
        using var scope = NewDisposeScope();
        var flat = scores.detach().flatten().to(float32);
        var mask = zeros_like(flat);
        if (keep > 0)
        {
            var (_, indices) = flat.topk((int)keep, dim: 0, largest: true, sorted: true);
            mask.index_fill_(0, indices, 1.0);
        }
        return mask.MoveToOuterDisposeScope();
    }

    /// <summary>Keeps the largest structures so that round(ratio · count) of them are pruned.</summary>
    public static Tensor KeepLargestAtRatio(Tensor scores, double ratio) =>
        KeepLargest(scores, scores.numel() - PrunedCount(scores.numel(), ratio));
}
