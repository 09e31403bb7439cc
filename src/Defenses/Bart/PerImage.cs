using static TorchSharp.torch;

namespace Robustness.Defenses.Bart;

/// <summary>Per-image random parameters drawn from a seeded CPU generator, and dispatch of per-image variants.</summary>
internal static class PerImage
{
    /// <summary>U[lo, hi) of the given shape (first dimension = images), on <paramref name="device"/>.</summary>
    public static Tensor Uniform(Generator generator, long[] shape, double lo, double hi, Device device) =>
        (rand(shape, generator: generator) * (hi - lo) + lo).to(device);

    public static Tensor Uniform(Generator generator, long count, double lo, double hi, Device device) =>
        Uniform(generator, [count], lo, hi, device);

    /// <summary>Uniform choice in [0, options) per image, int64 on CPU.</summary>
    public static Tensor Choice(Generator generator, long count, int options) =>
        randint(options, [count], generator: generator, dtype: ScalarType.Int64);

    /// <summary>[N] → [N,1,1,1] for broadcasting over images.</summary>
    public static Tensor AsImages(this Tensor perImage) => perImage.view(-1, 1, 1, 1);

    /// <summary>
    /// Applies variant <c>choice[i]</c> to image i: each variant runs once on the sub-batch that chose it.
    /// </summary>
    public static Tensor Dispatch(Tensor images, Tensor choice, int options, Func<int, Tensor, Tensor> apply)
    {
        using var scope = NewDisposeScope();
        var result = images.clone();
        for (var option = 0; option < options; option++)
        {
            var index = choice.eq(option).nonzero().flatten();
            if (index.numel() == 0) continue;
            index = index.to(images.device);
            result.index_copy_(0, index, apply(option, images.index_select(0, index)).to_type(images.dtype));
        }
        return result.MoveToOuterDisposeScope();
    }
}
