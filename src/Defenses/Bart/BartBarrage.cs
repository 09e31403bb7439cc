using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// The barrage: for every image a random permutation of the groups, whose first k are applied in that order.
/// Vectorised by position: at step j every group runs once on the sub-batch of images whose j-th draw it is.
/// </summary>
public sealed class BartBarrage
{
    private readonly IReadOnlyList<IBartTransform> groups;

    public BartBarrage(IReadOnlyList<IBartTransform> groups, int transformCount)
    {
        if (groups.Count == 0) throw new ArgumentException("BaRT needs at least one transform group.", nameof(groups));
        if (transformCount < 1 || transformCount > groups.Count)
            throw new ArgumentOutOfRangeException(nameof(transformCount), transformCount, $"k must be in [1, {groups.Count}].");
        this.groups = groups;
        TransformCount = transformCount;
    }

    public int TransformCount { get; }
    public IReadOnlyList<IBartTransform> Groups => groups;

    /// <summary>The draw: int64 [N,k] group indices, distinct within a row, in application order.</summary>
    public Tensor Draw(long count, Generator generator) =>
        rand([count, groups.Count], generator: generator).argsort(1).narrow(1, 0, TransformCount).contiguous();

    public Tensor Apply(Tensor images, Generator generator)
    {
        if (images.dim() != 4) throw new ArgumentException($"BaRT needs [N,C,H,W] images, got [{string.Join(",", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        var plan = Draw(images.shape[0], generator);
        var x = images.alias();
        for (var step = 0; step < TransformCount; step++)
            x = PerImage.Dispatch(x, plan.select(1, step), groups.Count, (g, batch) => groups[g].Apply(batch, generator)).clamp(0, 1);
        return x.MoveToOuterDisposeScope();
    }
}
