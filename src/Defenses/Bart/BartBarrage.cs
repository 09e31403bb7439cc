using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>
/// The barrage: for every image a random permutation of the groups, whose first k are applied in that order.
/// Vectorised by position: at step j every group runs once on the sub-batch of images whose j-th draw it is.
/// At test time every image gets k groups; training images get round(k·u), u ~ U(0, 1), of them (0 = the image
/// itself), as Beware's GenerateTransformedDataForTraining draws them.
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

    /// <summary>Transforms per training image: int64 [N] of round(k·u), u ~ U(0, 1), so 0 and k have probability 1/(2k), every other count 1/k.</summary>
    public Tensor DrawTrainingCounts(long count, Generator generator) =>
        (rand([count], generator: generator, dtype: ScalarType.Float64) * TransformCount).round().to_type(ScalarType.Int64);

    /// <summary>The test-time barrage: k groups on every image.</summary>
    public Tensor Apply(Tensor images, Generator generator) => Run(images, generator, training: false);

    /// <summary>The training barrage: <see cref="DrawTrainingCounts"/> groups per image (the backbone's input transform).</summary>
    public Tensor ApplyForTraining(Tensor images, Generator generator) => Run(images, generator, training: true);

    private Tensor Run(Tensor images, Generator generator, bool training)
    {
        if (images.dim() != 4) throw new ArgumentException($"BaRT needs [N,C,H,W] images, got [{string.Join(",", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        var plan = Draw(images.shape[0], generator);
        var counts = training ? DrawTrainingCounts(images.shape[0], generator) : null;
        var skip = full(images.shape[0], groups.Count, ScalarType.Int64);
        var x = images.alias();
        for (var step = 0; step < TransformCount; step++)
        {
            // Index groups.Count is no group: Dispatch leaves those images as they are.
            var choice = counts is null ? plan.select(1, step) : where(counts.gt(step), plan.select(1, step), skip);
            x = PerImage.Dispatch(x, choice, groups.Count, (g, batch) => groups[g].Apply(batch, generator)).clamp(0, 1);
        }
        return x.MoveToOuterDisposeScope();
    }
}
