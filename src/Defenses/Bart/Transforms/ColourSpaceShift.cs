using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Colour-space shift (RGB only): convert to HSV, YUV or XYZ (chosen per image), add a random offset in
/// [−0.05, 0.05] of the channel's range to one random channel (hue wraps), convert back.
/// </summary>
public sealed class ColourSpaceShift : IBartTransform
{
    private const int Spaces = 3;

    private static readonly float[] Yuv = [0.299f, 0.587f, 0.114f, -0.14713f, -0.28886f, 0.436f, 0.615f, -0.51499f, -0.10001f];
    private static readonly float[] Xyz = [0.412453f, 0.357580f, 0.180423f, 0.212671f, 0.715160f, 0.072169f, 0.019334f, 0.119193f, 0.950227f];

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
        var channel = PerImage.Choice(generator, n, 3).to(x.device);
        var offset = PerImage.Uniform(generator, n, -0.05, 0.05, x.device);
        var delta = nn.functional.one_hot(channel, 3).to_type(x.dtype) * offset.view(-1, 1);
        var result = space switch
        {
            0 => Hsv.ToRgb(Hsv.Shift(Hsv.FromRgb(x), delta)),
            1 => Linear(x, Yuv, delta),
            _ => Linear(x, Xyz, delta),
        };
        return result.clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static Tensor Linear(Tensor rgb, float[] matrix, Tensor delta)
    {
        var m = tensor(matrix, [3, 3], device: rgb.device);
        var inverse = m.to_type(ScalarType.Float64).inverse().to_type(rgb.dtype);
        var converted = einsum("ij,njhw->nihw", m, rgb) + delta.view(-1, 3, 1, 1);
        return einsum("ij,njhw->nihw", inverse, converted);
    }
}
