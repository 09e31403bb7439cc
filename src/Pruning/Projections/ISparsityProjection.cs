using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>
/// Euclidean projection of one layer's weight onto a sparsity set, expressed as its 0/1 mask: the projection of W
/// is W ⊙ Mask(W). Keeps exactly the required number of weights or structures, the largest by the set's score.
/// </summary>
public interface ISparsityProjection
{
    SparsityType Type { get; }

    /// <summary>A float32 0/1 mask shaped like <paramref name="weight"/> that prunes the fraction <paramref name="ratio"/>.</summary>
    Tensor Mask(Tensor weight, double ratio);
}
