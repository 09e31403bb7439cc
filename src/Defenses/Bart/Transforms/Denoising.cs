using Robustness.Defenses.FeatureDistillation;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Denoising group, one filter per image, as Beware's group 10 (parameters per channel, or one draw shared by all
/// channels with p ½): Gaussian blur (σ ∈ [0.1, 3], truncated at 12 px, replicated borders); median (disk radius
/// 2–5); mean (disk radius 2–3); mean-bilateral (disk radius 2–20, s0, s1 ∈ 5–20 of 255); TV-Chambolle (weight
/// ∈ [0.05, 0.25], per channel or jointly over the channels); Haar wavelet (BayesShrink, soft or hard — hard on
/// greyscale — cycle-spun over 0 or 1 pixel shifts, RGB optionally in YCbCr); non-local means (fast mode, patch
/// 5–7, search distance 6–11, h = (0.6 + 0.55·u)·σ̂).
/// </summary>
internal sealed class Denoising : IBartTransform
{
    private const int Filters = 7;
    private const int GaussianRadius = 12;

    public string Name => "denoising";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var filter = PerImage.Choice(generator, images.shape[0], Filters);
        return PerImage.Dispatch(images, filter, Filters, (f, x) => (f switch
        {
            0 => GaussianBlur(x, generator),
            1 => PerPlane(x, Integers(generator, x, 2, 5), r => p => DiskFilters.Median(p, r)),
            2 => PerPlane(x, Integers(generator, x, 2, 3), r => p => DiskFilters.Mean(p, r)),
            3 => MeanBilateral(x, generator),
            4 => Chambolle(x, generator),
            5 => Wavelet(x, generator),
            _ => NonLocal(x, generator),
        }).clamp(0, 1));
    }

    /// <summary>One value per plane [N·C], uniform in [lo, hi): per channel, or the image's first draw for all channels (p ½).</summary>
    private static Tensor PlaneDraws(Generator generator, Tensor x, double lo, double hi)
    {
        long n = x.shape[0], c = x.shape[1];
        var draws = rand([n, c], generator: generator, dtype: ScalarType.Float64) * (hi - lo) + lo;
        var shared = rand([n, 1], generator: generator, dtype: ScalarType.Float64).lt(0.5);
        return where(shared, draws.narrow(1, 0, 1).expand(n, c), draws).flatten();
    }

    /// <summary>round(lo + (hi − lo)·u) per plane, as Beware's randUnifI.</summary>
    private static long[] Integers(Generator generator, Tensor x, int lo, int hi)
    {
        using var draws = PlaneDraws(generator, x, lo, hi);
        return draws.round().to_type(ScalarType.Int64).data<long>().ToArray();
    }

    /// <summary>Runs <paramref name="filter"/>(value) on the planes [P,1,H,W] that drew each integer value.</summary>
    private static Tensor PerPlane(Tensor x, long[] values, Func<int, Func<Tensor, Tensor>> filter)
    {
        using var scope = NewDisposeScope();
        var planes = x.reshape(-1, 1, x.shape[2], x.shape[3]);
        var distinct = values.Distinct().OrderBy(v => v).ToArray();
        var choice = tensor(values.Select(v => (long)Array.IndexOf(distinct, v)).ToArray());
        var filtered = PerImage.Dispatch(planes, choice, distinct.Length, (i, p) => filter((int)distinct[i])(p));
        return filtered.view(x.shape).MoveToOuterDisposeScope();
    }

    private static Tensor GaussianBlur(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long h = x.shape[2], w = x.shape[3];
        var sigma = PlaneDraws(generator, x, 0.1, 3).to(x.device).to_type(x.dtype).view(-1, 1);
        var planes = x.reshape(1, -1, h, w);
        var count = planes.shape[1];
        var taps = arange(-GaussianRadius, GaussianRadius + 1, dtype: x.dtype, device: x.device).view(1, -1);
        var kernel = (-(taps * taps) / (2 * sigma * sigma)).exp();
        kernel /= kernel.sum(1, keepdim: true);
        var size = 2 * GaussianRadius + 1;
        planes = nn.functional.conv2d(nn.functional.pad(planes, [GaussianRadius, GaussianRadius, 0, 0], PaddingModes.Replicate), kernel.view(count, 1, 1, size), groups: count);
        planes = nn.functional.conv2d(nn.functional.pad(planes, [0, 0, GaussianRadius, GaussianRadius], PaddingModes.Replicate), kernel.view(count, 1, size, 1), groups: count);
        return planes.view(x.shape).MoveToOuterDisposeScope();
    }

    private static Tensor MeanBilateral(Tensor x, Generator generator)
    {
        var radius = Integers(generator, x, 2, 20);
        using var scope = NewDisposeScope();
        var s0 = PlaneDraws(generator, x, 5, 20).round().to_type(x.dtype).to(x.device);
        var s1 = PlaneDraws(generator, x, 5, 20).round().to_type(x.dtype).to(x.device);
        var planes = x.reshape(-1, 1, x.shape[2], x.shape[3]);
        var distinct = radius.Distinct().OrderBy(v => v).ToArray();
        var choice = tensor(radius.Select(v => (long)Array.IndexOf(distinct, v)).ToArray());
        var filtered = PerImage.Dispatch(planes, choice, distinct.Length, (i, p) =>
        {
            var rows = choice.eq(i).nonzero().flatten().to(x.device);
            return DiskFilters.MeanBilateral(p, (int)distinct[i], s0.index_select(0, rows), s1.index_select(0, rows));
        });
        return filtered.view(x.shape).MoveToOuterDisposeScope();
    }

    private static Tensor Chambolle(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        var weight = PerImage.Uniform(generator, x.shape[0], 0.05, 0.25, x.device);
        var joint = PerImage.Choice(generator, x.shape[0], 2);
        return PerImage.Dispatch(x, joint, 2, (j, batch) =>
        {
            var w = weight.index_select(0, joint.eq(j).nonzero().flatten().to(x.device));
            return j == 1 ? TotalVariation.Denoise(batch, w, [1, 2, 3]) : TotalVariation.Denoise(batch, w, [2, 3]);
        }).MoveToOuterDisposeScope();
    }

    private static Tensor Wavelet(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        // Variant bits: hard (RGB: p ½; greyscale: always), one-pixel cycle spin, YCbCr (RGB only).
        var bits = rand([n, 3], generator: generator).lt(0.5);
        if (c == 1) bits = cat([ones(n, 1, dtype: ScalarType.Bool), bits.narrow(1, 1, 1), zeros(n, 1, dtype: ScalarType.Bool)], 1);
        var variant = (bits.select(1, 0).to_type(ScalarType.Int64) + 2 * bits.select(1, 1).to_type(ScalarType.Int64) + 4 * bits.select(1, 2).to_type(ScalarType.Int64));
        return PerImage.Dispatch(x, variant, 8, (v, batch) =>
        {
            bool hard = (v & 1) != 0, spin = (v & 2) != 0, ycbcr = (v & 4) != 0;
            var input = ycbcr ? YCbCr.FromRgb(batch) / 255 : batch;
            var shifts = spin ? new (long, long)[] { (0, 0), (0, 1), (1, 0), (1, 1) } : [(0, 0)];
            var sum = zeros_like(input);
            foreach (var (dy, dx) in shifts)
            {
                var rolled = input.roll([dy, dx], [2, 3]);
                var denoised = HaarWavelet.Denoise(rolled.reshape(-1, 1, h, w), HaarWavelet.DefaultLevels(h, w), hard).view(input.shape);
                sum += denoised.roll([-dy, -dx], [2, 3]);
            }
            var averaged = sum / shifts.Length;
            return ycbcr ? YCbCr.ToRgb(averaged * 255) : averaged;
        }).MoveToOuterDisposeScope();
    }

    private static Tensor NonLocal(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        var patch = PerImage.Choice(generator, x.shape[0], 3);
        var distance = PerImage.Choice(generator, x.shape[0], 6);
        return PerImage.Dispatch(x, patch * 6 + distance, 18, (combination, batch) =>
        {
            var sigma = HaarWavelet.EstimateSigma(batch.reshape(-1, 1, batch.shape[2], batch.shape[3])).view(batch.shape[0], -1).mean([1]);
            var strength = (0.6 + 0.55 * PerImage.Uniform(generator, batch.shape[0], 0, 1, batch.device)) * sigma;
            return NonLocalMeans.Denoise(batch, 5 + combination / 6, 6 + combination % 6, strength);
        }).MoveToOuterDisposeScope();
    }
}
