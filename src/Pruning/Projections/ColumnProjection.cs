using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>
/// Column pruning of the GEMM view [out, in·kh·kw]: keeps the columns (one input position across all filters)
/// with the largest L2 norm. For a linear layer a column is an input feature.
/// </summary>
public sealed class ColumnProjection : ISparsityProjection
{
    public SparsityType Type => SparsityType.Column;

    public Tensor Mask(Tensor weight, double ratio)
    {
        using var scope = NewDisposeScope();
        var gemm = weight.detach().reshape(weight.shape[0], -1);
        var keep = StructureSelection.KeepLargestAtRatio(gemm.pow(2).sum(dim: 0), ratio);
        return keep.unsqueeze(0).expand_as(gemm).reshape(weight.shape).contiguous().MoveToOuterDisposeScope();
    }
}
