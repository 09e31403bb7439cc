namespace Robustness.Pruning.Masks;

/// <summary>Per-layer and total sparsity and inference cost of a network (convolution and linear layers).</summary>
public sealed record SparsityReport(IReadOnlyList<LayerSparsity> Layers)
{
    public long Weights => Layers.Sum(l => l.Weights);
    public long NonZero => Layers.Sum(l => l.NonZero);
    /// <summary>Fraction of zero weights over every convolution/linear layer, excluded ones included.</summary>
    public double Sparsity => Weights == 0 ? 0 : 1 - (double)NonZero / Weights;
    /// <summary>Fraction of zero weights over the pruned layers only.</summary>
    public double PrunedLayerSparsity =>
        Layers.Where(l => l.Pruned).Sum(l => l.Weights) is var w and > 0 ? 1 - (double)Layers.Where(l => l.Pruned).Sum(l => l.NonZero) / w : 0;
    public long DenseFlops => Layers.Sum(l => l.DenseFlops);
    public long SparseFlops => Layers.Sum(l => l.SparseFlops);
    public double FlopReduction => SparseFlops == 0 ? double.PositiveInfinity : (double)DenseFlops / SparseFlops;
}
