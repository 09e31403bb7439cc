using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Colour-space group (RGB only), as Beware's group 7: convert to HSV, XYZ, CIE L*a*b* or YUV (one per image), add an
/// independent uniform offset to every channel, clip where the space is bounded, convert back. Offsets:
/// HSV ±0.05 / ±0.25 / ±0.25 (all clipped to [0,1]); XYZ ±0.05 each (clipped to [0,1]); LAB ±5 / ±2 / ±2 (L clipped to
/// [0,100]); YUV ±0.05 / ±0.02 / ±0.02 (Y clipped to [0,1]).
/// </summary>
internal sealed class ColourSpaceShift : IBartTransform
{
    private const int Spaces = 4;

    private static readonly float[] Yuv = [0.299f, 0.587f, 0.114f, -0.14714119f, -0.28886916f, 0.43601035f, 0.61497538f, -0.51496512f, -0.10001026f];
    private static readonly float[] Xyz = [0.412453f, 0.357580f, 0.180423f, 0.212671f, 0.715160f, 0.072169f, 0.019334f, 0.119193f, 0.950227f];

    private static readonly double[][] Offsets = [[0.05, 0.25, 0.25], [0.05, 0.05, 0.05], [5, 2, 2], [0.05, 0.02, 0.02]];

    public string Name => "colour-space-shift";
    public bool NeedsColour => true;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var space = PerImage.Choice(generator, images.shape[0], Spaces);
        return PerImage.Dispatch(images, space, Spaces, (s, x) => Shift(s, x, generator));
    }

    private static Tensor Shift(int space, Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = x.shape[0];
        var bound = tensor(Offsets[space], [1, 3], dtype: x.dtype, device: x.device);
        var delta = ((PerImage.Uniform(generator, [n, 3], -1, 1, x.device).to_type(x.dtype)) * bound).view(n, 3, 1, 1);
        var result = space switch
        {
            0 => Hsv.ToRgb((Hsv.FromRgb(x) + delta).clamp(0, 1)),
            1 => Linear(x, Xyz, delta, (0, 3)),
            2 => Lab.ToRgb(ClampChannel(Lab.FromRgb(x) + delta, 0, 0, 100)),
            _ => Linear(x, Yuv, delta, (0, 1)),
        };
        return result.clamp(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Converts with <paramref name="matrix"/>, shifts, clips channels [first, last) to [0,1], converts back.</summary>
    private static Tensor Linear(Tensor rgb, float[] matrix, Tensor delta, (int First, int Last) clipped)
    {
        var m = tensor(matrix, [3, 3], device: rgb.device);
        var inverse = m.to_type(ScalarType.Float64).inverse().to_type(rgb.dtype);
        var converted = einsum("ij,njhw->nihw", m, rgb) + delta;
        for (var c = clipped.First; c < clipped.Last; c++) converted = ClampChannel(converted, c, 0, 1);
        return einsum("ij,njhw->nihw", inverse, converted);
    }

    private static Tensor ClampChannel(Tensor planes, int channel, double lo, double hi)
    {
        var mask = zeros(1, 3, 1, 1, dtype: ScalarType.Bool, device: planes.device);
        mask[0, channel] = tensor(true);
        return where(mask, planes.clamp(lo, hi), planes);
    }
}
