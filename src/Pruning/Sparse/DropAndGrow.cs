using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Sparse;

/// <summary>
/// One RigL update of one layer, in place on its 0/1 mask: drop the k active weights of smallest magnitude, grow the
/// k inactive ones (inactive before the drop) with the largest dense-gradient magnitude; grown weights start at zero.
/// The number of active weights never changes. Returns k.
/// </summary>
public static class DropAndGrow
{
    public static long Update(Tensor weight, Tensor gradient, Tensor mask, double fraction)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flatMask = mask.view(-1);
        var active = flatMask > 0.5;
        var activeCount = active.sum().item<long>();
        var k = Math.Min((long)Math.Floor(fraction * activeCount), flatMask.numel() - activeCount);
        if (k <= 0) return 0;
        var magnitude = weight.detach().abs().view(-1).masked_fill(active.logical_not(), double.PositiveInfinity);
        var drop = magnitude.topk((int)k, largest: false).indexes;
        var growScore = gradient.detach().abs().view(-1).masked_fill(active, double.NegativeInfinity);
        var grow = growScore.topk((int)k, largest: true).indexes;
        flatMask.index_fill_(0, drop, 0.0);
        flatMask.index_fill_(0, grow, 1.0);
        weight.view(-1).index_fill_(0, grow, 0.0);
        return k;
    }
}
