using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>Unstructured: keeps the largest-magnitude weights anywhere in the layer.</summary>
public sealed class IrregularProjection : ISparsityProjection
{
    public SparsityType Type => SparsityType.Irregular;

    public Tensor Mask(Tensor weight, double ratio)
    {
        using var scope = NewDisposeScope();
        return StructureSelection.KeepLargestAtRatio(weight.detach().abs().flatten(), ratio)
            .reshape(weight.shape).MoveToOuterDisposeScope();
    }
}
