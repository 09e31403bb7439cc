using static TorchSharp.torch;

namespace Robustness.Pruning.Projections;

/// <summary>Channel pruning: keeps the input channels (linear: input features) with the largest L2 norm.</summary>
public sealed class ChannelProjection : ISparsityProjection
{
    public SparsityType Type => SparsityType.Channel;

    public Tensor Mask(Tensor weight, double ratio)
    {
        using var scope = NewDisposeScope();
        var perChannel = weight.detach().reshape(weight.shape[0], weight.shape[1], -1); // [out, in, k]
        var keep = StructureSelection.KeepLargestAtRatio(perChannel.pow(2).sum(new long[] { 0, 2 }), ratio);
        return keep.reshape(1, -1, 1).expand_as(perChannel).reshape(weight.shape).contiguous().MoveToOuterDisposeScope();
    }
}
