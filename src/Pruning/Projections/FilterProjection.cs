using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>Filter pruning: keeps the output channels (rows) with the largest L2 norm.</summary>
public sealed class FilterProjection : ISparsityProjection
{
    public SparsityType Type => SparsityType.Filter;

    public Tensor Mask(Tensor weight, double ratio)
    {
        using var scope = NewDisposeScope();
        var rows = weight.detach().reshape(weight.shape[0], -1);
        var keep = StructureSelection.KeepLargestAtRatio(rows.pow(2).sum(1), ratio);
        return keep.unsqueeze(1).expand_as(rows).reshape(weight.shape).contiguous().MoveToOuterDisposeScope();
    }
}
