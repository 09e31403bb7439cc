using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// The distillation transform: 8×8 block DCT of every plane on the 0–255 scale, quantisation with a
/// <see cref="QuantisationTable"/>, inverse DCT, back to [0,1]. The planes are the raw channels (the reference
/// code), or level-shifted YCbCr for RGB when <paramref name="colourTransform"/> is set. With a
/// <paramref name="workingSize"/>, images of another side are resized to it (bilinear), distilled and resized
/// back, as Beware does for Fashion-MNIST (28→32→28). Batched on tensors; sides that are not a multiple of 8 are
/// edge-padded and cropped back.
/// </summary>
public sealed class FeatureDistiller(QuantisationTable table, bool colourTransform = false, int? workingSize = null)
{
    public QuantisationTable Table => table;

    public bool ColourTransform => colourTransform;

    public int? WorkingSize => workingSize;

    /// <summary>The distiller <paramref name="options"/> describe; the band-deviation table is measured on <paramref name="trainImages"/>.</summary>
    public static FeatureDistiller For(FeatureDistillationOptions options, Tensor trainImages)
    {
        var quantisation = options.Table switch
        {
            QuantisationTableKind.Reference => QuantisationTable.Reference(options.LowFrequencyStep, options.HighFrequencyStep),
            _ => QuantisationTable.FromBandDeviation(
                BandDeviation(trainImages.narrow(0, 0, Math.Min(options.StatisticsImages, trainImages.shape[0])), options.ColourTransform),
                options.ImportantBands, options.FineStep, options.CoarseStep),
        };
        return new FeatureDistiller(quantisation, options.ColourTransform, options.WorkingSize);
    }

    public Tensor Distill(Tensor images)
    {
        Check(images);
        using var scope = NewDisposeScope();
        long h = images.shape[2], w = images.shape[3];
        var resize = workingSize is { } side && (h != side || w != side);
        var working = resize ? Resize(images, workingSize!.Value, workingSize.Value) : images;
        long wh = working.shape[2], ww = working.shape[3];
        var planes = ToPlanes(BlockDct.PadToBlocks(working));
        var coefficients = table.Apply(BlockDct.Forward(planes));
        var restored = FromPlanes(BlockDct.Inverse(coefficients)).narrow(2, 0, wh).narrow(3, 0, ww).clamp(0, 1);
        if (resize) restored = Resize(restored, h, w).clamp(0, 1);
        return restored.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Per-band standard deviation of the first plane's DCT coefficients over <paramref name="images"/> (64 values, [u,v] row-major).</summary>
    public static float[] BandDeviation(Tensor images, bool colourTransform = false)
    {
        Check(images);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var planes = new FeatureDistiller(QuantisationTable.Lossless(), colourTransform).ToPlanes(BlockDct.PadToBlocks(images)).narrow(1, 0, 1);
        var coefficients = BlockDct.Forward(planes).reshape(-1, 64);
        return coefficients.std(0).cpu().data<float>().ToArray();
    }

    private static Tensor Resize(Tensor images, long height, long width) =>
        nn.functional.interpolate(images, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);

    private Tensor ToPlanes(Tensor images) =>
        colourTransform && images.shape[1] == 3 ? YCbCr.FromRgb(images) : images * 255f;

    private Tensor FromPlanes(Tensor planes) =>
        colourTransform && planes.shape[1] == 3 ? YCbCr.ToRgb(planes) : planes / 255f;

    private static void Check(Tensor images)
    {
        if (images.dim() != 4 || (images.shape[1] != 1 && images.shape[1] != 3) || images.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"Feature distillation needs float32 [N,1|3,H,W] images; got {images.dtype} [{string.Join(",", images.shape)}].",
                nameof(images));
    }
}
