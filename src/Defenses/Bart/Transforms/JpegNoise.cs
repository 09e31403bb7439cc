using Robustness.Defenses.FeatureDistillation;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// JPEG noise: baseline JPEG quantisation (the standard's Annex K luminance/chrominance tables scaled to a random
/// quality in [55, 95]) of the 8×8 block DCT of YCbCr planes, and back. No entropy coding (lossless anyway).
/// </summary>
internal sealed class JpegNoise : IBartTransform
{
    private static readonly float[] Luminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly float[] Chrominance =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    public string Name => "jpeg-noise";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var quality = PerImage.Uniform(generator, n, 55, 96, images.device).floor();
        var planes = BlockDct.PadToBlocks(images);
        planes = c == 3 ? YCbCr.FromRgb(planes) : planes * 255f - 128f;
        var coefficients = BlockDct.Forward(planes);
        var steps = Tables(quality, (int)c, images.device);
        var quantised = (coefficients / steps).round() * steps;
        var restored = BlockDct.Inverse(quantised);
        restored = c == 3 ? YCbCr.ToRgb(restored) : (restored + 128f) / 255f;
        return restored.narrow(2, 0, h).narrow(3, 0, w).clamp(0, 1).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Steps [N,C,1,1,8,8]: the IJG quality scaling, floor((T·scale + 50)/100) clamped to [1, 255].</summary>
    private static Tensor Tables(Tensor quality, int channels, Device device)
    {
        var scale = where(quality.lt(50), 5000f / quality, 200f - 2f * quality).view(-1, 1, 1, 1, 1, 1);
        var luminance = tensor(Luminance, [1, 1, 1, 1, 8, 8], device: device);
        var chrominance = tensor(Chrominance, [1, 1, 1, 1, 8, 8], device: device);
        var table = channels == 3 ? cat([luminance, chrominance, chrominance], 1) : luminance;
        return ((table * scale + 50f) / 100f).floor().clamp(1f, 255f);
    }
}
