using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Contrast group, one variant per image, as Beware's group 8: histogram equalisation (each channel mapped through
/// its empirical CDF); CLAHE (<see cref="Clahe"/>; kernel side round(U(min(h,w)/10, min(h,w)/6)), clip limit
/// U(0.01, 0.04), either per channel with its own draws or, for RGB with one draw, on the HSV value channel as
/// skimage does for colour images); or contrast stretching between random low/high percentiles (low ∈ [1, 4] %,
/// high ∈ [96, 99] %).
/// </summary>
internal sealed class ContrastEqualisation : IBartTransform
{
    public string Name => "contrast-equalisation";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var kind = PerImage.Choice(generator, images.shape[0], 3);
        return PerImage.Dispatch(images, kind, 3, (k, x) => k switch
        {
            0 => Equalise(x),
            1 => AdaptiveEqualise(x, generator),
            _ => Stretch(x, generator),
        });
    }

    private static Tensor Equalise(Tensor x)
    {
        using var scope = NewDisposeScope();
        var flat = x.flatten(2).flatten(0, 1);
        var sorted = flat.sort(1).Values.contiguous();
        var cdf = searchsorted(sorted, flat.contiguous(), right: true).to_type(x.dtype) / flat.shape[1];
        return cdf.view(x.shape).clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static Tensor AdaptiveEqualise(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var side = Math.Min(h, w);
        using var draws = rand([n, 4, 3], generator: generator, dtype: ScalarType.Float64);
        var u = draws.data<double>().ToArray();
        double At(long i, int row, int channel) => u[(i * 4 + row) * 3 + channel];
        var colourAsValue = c == 3;
        var source = x.to_type(ScalarType.Float32).cpu();
        var hsv = colourAsValue ? Hsv.FromRgb(source) : null;
        var pixels = source.contiguous().data<float>().ToArray();
        var values = hsv?.select(1, 2).contiguous().data<float>().ToArray();
        var output = (float[])pixels.Clone();
        var outputValues = values is null ? null : (float[])values.Clone();
        for (long i = 0; i < n; i++)
        {
            var perChannel = At(i, 3, 0) < 0.5 || c == 1;
            for (var ch = 0; ch < (perChannel ? c : 1); ch++)
            {
                var kernelHeight = (int)Math.Round(side / 10.0 + At(i, 0, ch) * (side / 6.0 - side / 10.0));
                var kernelWidth = (int)Math.Round(side / 10.0 + At(i, 1, ch) * (side / 6.0 - side / 10.0));
                var clip = 0.01 + At(i, 2, ch) * 0.03;
                var (buffer, offset) = perChannel ? (output, (i * c + ch) * h * w) : (outputValues!, i * h * w);
                var plane = new float[h, w];
                for (var p = 0; p < h * w; p++) plane[p / w, p % w] = (perChannel ? pixels : values!)[offset + p];
                var equalised = Clahe.Equalise(plane, Math.Max(1, kernelHeight), Math.Max(1, kernelWidth), clip);
                for (var p = 0; p < h * w; p++) buffer[offset + p] = equalised[p / w, p % w];
            }
        }
        var result = tensor(output, [n, c, h, w]);
        if (colourAsValue)
        {
            // Images that took the single-draw branch: equalised V recombined with their hue and saturation.
            var shared = tensor(Enumerable.Range(0, (int)n).Select(i => At(i, 3, 0) >= 0.5).ToArray()).view(-1, 1, 1, 1);
            var recoloured = Hsv.ToRgb(stack([hsv!.select(1, 0), hsv.select(1, 1), tensor(outputValues!, [n, h, w])], 1));
            result = where(shared, recoloured, result);
        }
        return result.clamp(0, 1).to(x.device).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    private static Tensor Stretch(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], pixels = x.shape[2] * x.shape[3];
        var sorted = x.flatten(2).sort(2).Values;
        var lowIndex = (PerImage.Uniform(generator, n, 0.01, 0.04, x.device) * (pixels - 1)).round().to_type(ScalarType.Int64);
        var highIndex = (PerImage.Uniform(generator, n, 0.96, 0.99, x.device) * (pixels - 1)).round().to_type(ScalarType.Int64);
        var low = sorted.gather(2, lowIndex.view(-1, 1, 1).expand(n, x.shape[1], 1)).unsqueeze(3);
        var high = sorted.gather(2, highIndex.view(-1, 1, 1).expand(n, x.shape[1], 1)).unsqueeze(3);
        return ((x - low) / (high - low).clamp_min(1e-3)).clamp(0, 1).MoveToOuterDisposeScope();
    }
}
