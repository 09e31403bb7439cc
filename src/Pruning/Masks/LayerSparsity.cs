namespace Robustness.Pruning.Masks;

/// <summary>
/// One convolution/linear layer after pruning: weights and non-zeros, and multiply-accumulates per image
/// (dense vs with the zero weights skipped). FLOPs are 2 × MACs.
/// </summary>
public sealed record LayerSparsity(string Name, bool Pruned, long Weights, long NonZero, long DenseMacs, long SparseMacs)
{
    public double Sparsity => Weights == 0 ? 0 : 1 - (double)NonZero / Weights;
    public long DenseFlops => 2 * DenseMacs;
    public long SparseFlops => 2 * SparseMacs;
}
