using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// The orthonormal 2-D Haar (db1) wavelet on planes [P,1,H,W] and skimage-style wavelet denoising: BayesShrink
/// thresholds per level and sub-band (σ²/σₓ, σₓ² = max(mean(d²) − σ², 0); every coefficient when σₓ = 0), σ from the
/// median absolute finest diagonal coefficient / 0.6745, soft or hard thresholding; odd sides are edge-padded.
/// </summary>
internal static class HaarWavelet
{
    public sealed record Level(Tensor Horizontal, Tensor Vertical, Tensor Diagonal);

    /// <summary>One level: the approximation (half size) and the three detail sub-bands.</summary>
    public static (Tensor Approximation, Level Details) Forward(Tensor planes)
    {
        var even = PadToEven(planes);
        Tensor a = Sub(even, 0, 0), b = Sub(even, 0, 1), c = Sub(even, 1, 0), d = Sub(even, 1, 1);
        return ((a + b + c + d) / 2, new Level((a - b + c - d) / 2, (a + b - c - d) / 2, (a - b - c + d) / 2));
    }

    /// <summary>The inverse of <see cref="Forward"/>, cropped to <paramref name="height"/>×<paramref name="width"/>.</summary>
    public static Tensor Inverse(Tensor approximation, Level details, long height, long width)
    {
        var (s, h, v, d) = (approximation, details.Horizontal, details.Vertical, details.Diagonal);
        var a = (s + h + v + d) / 2;
        var b = (s - h + v - d) / 2;
        var c = (s + h - v - d) / 2;
        var e = (s - h - v + d) / 2;
        long p = s.shape[0], hh = s.shape[2], ww = s.shape[3];
        var top = stack([a, b], -1).reshape(p, 1, hh, 2 * ww);
        var bottom = stack([c, e], -1).reshape(p, 1, hh, 2 * ww);
        var full = stack([top, bottom], 3).reshape(p, 1, 2 * hh, 2 * ww);
        return full.narrow(2, 0, height).narrow(3, 0, width);
    }

    /// <summary>Levels skimage's denoise_wavelet uses for db1: max(⌊log₂ min(h,w)⌋ − 3, 1).</summary>
    public static int DefaultLevels(long height, long width) => Math.Max((int)Math.Floor(Math.Log2(Math.Min(height, width))) - 3, 1);

    /// <summary>Noise σ per plane [P]: median |finest diagonal coefficient| / 0.6745.</summary>
    public static Tensor EstimateSigma(Tensor planes)
    {
        using var scope = NewDisposeScope();
        var diagonal = Forward(planes).Details.Diagonal.abs().flatten(1);
        var sorted = diagonal.sort(1).Values;
        return (sorted.select(1, (sorted.shape[1] - 1) / 2) / 0.6745).MoveToOuterDisposeScope();
    }

    public static Tensor Denoise(Tensor planes, int levels, bool hard)
    {
        using var scope = NewDisposeScope();
        var sigma = EstimateSigma(planes).view(-1, 1, 1, 1);
        var sizes = new List<(long H, long W)>();
        var details = new List<Level>();
        var approximation = planes;
        for (var level = 0; level < levels && Math.Min(approximation.shape[2], approximation.shape[3]) >= 2; level++)
        {
            sizes.Add((approximation.shape[2], approximation.shape[3]));
            var (next, detail) = Forward(approximation);
            details.Add(new Level(Shrink(detail.Horizontal, sigma, hard), Shrink(detail.Vertical, sigma, hard), Shrink(detail.Diagonal, sigma, hard)));
            approximation = next;
        }
        for (var level = details.Count - 1; level >= 0; level--)
            approximation = Inverse(approximation, details[level], sizes[level].H, sizes[level].W);
        return approximation.MoveToOuterDisposeScope();
    }

    /// <summary>BayesShrink threshold σ²/σₓ per plane, then soft (shrink towards 0) or hard (zero below) thresholding.</summary>
    public static Tensor Shrink(Tensor coefficients, Tensor sigma, bool hard)
    {
        var variance = sigma.square();
        var signal = (coefficients.square().mean([1, 2, 3], keepdim: true) - variance).clamp_min(0).sqrt();
        var largest = coefficients.abs().amax([1, 2, 3], keepdim: true);
        var threshold = where(signal.gt(0), variance / signal.clamp_min(1e-12), largest);
        return hard
            ? where(coefficients.abs().gt(threshold), coefficients, zeros_like(coefficients))
            : coefficients.sign() * (coefficients.abs() - threshold).clamp_min(0);
    }

    private static Tensor Sub(Tensor x, long row, long column)
    {
        long h = x.shape[2] / 2, w = x.shape[3] / 2;
        return x.view(x.shape[0], x.shape[1], h, 2, w, 2).select(3, row).select(4, column);
    }

    private static Tensor PadToEven(Tensor planes)
    {
        long padH = planes.shape[2] % 2, padW = planes.shape[3] % 2;
        return padH == 0 && padW == 0 ? planes.contiguous() : nn.functional.pad(planes, [0, padW, 0, padH], PaddingModes.Replicate).contiguous();
    }
}
