using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// The distillation transform: RGB → YCbCr (greyscale: the plane itself), 8×8 block DCT, quantisation with a
/// <see cref="QuantisationTable"/>, inverse DCT, back to [0,1]. Batched on tensors; images that are not a multiple
/// of 8 are edge-padded and cropped back.
/// </summary>
public sealed class FeatureDistiller(QuantisationTable table)
{
    public QuantisationTable Table => table;

    public Tensor Distill(Tensor images)
    {
        Check(images);
        using var scope = NewDisposeScope();
        long h = images.shape[2], w = images.shape[3];
        var planes = ToPlanes(BlockDct.PadToBlocks(images));
        var coefficients = table.Apply(BlockDct.Forward(planes));
        var restored = FromPlanes(BlockDct.Inverse(coefficients));
        return restored.narrow(2, 0, h).narrow(3, 0, w).clamp(0, 1).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Per-band standard deviation of the luminance DCT coefficients over <paramref name="images"/> (64 values, [u,v] row-major).</summary>
    public static float[] BandDeviation(Tensor images)
    {
        Check(images);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var planes = ToPlanes(BlockDct.PadToBlocks(images)).narrow(1, 0, 1);
        var coefficients = BlockDct.Forward(planes).reshape(-1, 64);
        return coefficients.std(0).cpu().data<float>().ToArray();
    }

    private static Tensor ToPlanes(Tensor images) =>
        images.shape[1] == 3 ? YCbCr.FromRgb(images) : images * 255f - 128f;

    private static Tensor FromPlanes(Tensor planes) =>
        planes.shape[1] == 3 ? YCbCr.ToRgb(planes) : (planes + 128f) / 255f;

    private static void Check(Tensor images)
    {
        if (images.dim() != 4 || (images.shape[1] != 1 && images.shape[1] != 3) || images.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"Feature distillation needs float32 [N,1|3,H,W] images; got {images.dtype} [{string.Join(",", images.shape)}].",
                nameof(images));
    }
}
