namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Contrast-limited adaptive histogram equalisation (Zuiderveld 1994), as skimage's equalize_adapthist: the plane
/// is cut into kernel-sized tiles; each tile's 256-bin histogram is clipped at max(clipLimit·tile pixels, 1)
/// and the excess spread over the bins below the limit, so no bin (hence no slope of the tile's mapping) exceeds
/// the limit; each pixel's value is mapped through the clipped CDFs of its four nearest tiles, blended bilinearly.
/// </summary>
internal static class Clahe
{
    public const int Bins = 256;

    /// <param name="plane">[h,w] values in [0,1].</param>
    public static float[,] Equalise(float[,] plane, int kernelHeight, int kernelWidth, double clipLimit)
    {
        if (kernelHeight < 1 || kernelWidth < 1) throw new ArgumentOutOfRangeException(nameof(kernelHeight), $"kernel {kernelHeight}×{kernelWidth} must be at least 1×1");
        if (!(clipLimit > 0)) throw new ArgumentOutOfRangeException(nameof(clipLimit), clipLimit, "clipLimit must be > 0");
        int h = plane.GetLength(0), w = plane.GetLength(1);
        int tilesY = (h + kernelHeight - 1) / kernelHeight, tilesX = (w + kernelWidth - 1) / kernelWidth;
        var maps = new double[tilesY, tilesX][];
        for (var ty = 0; ty < tilesY; ty++)
            for (var tx = 0; tx < tilesX; tx++)
            {
                int y0 = ty * kernelHeight, y1 = Math.Min(y0 + kernelHeight, h), x0 = tx * kernelWidth, x1 = Math.Min(x0 + kernelWidth, w);
                var histogram = new double[Bins];
                for (var y = y0; y < y1; y++)
                    for (var x = x0; x < x1; x++)
                        histogram[Bin(plane[y, x])]++;
                var pixels = (y1 - y0) * (x1 - x0);
                maps[ty, tx] = Cdf(ClipHistogram(histogram, Math.Max(clipLimit * pixels, 1)), pixels);
            }
        var result = new float[h, w];
        for (var y = 0; y < h; y++)
        {
            var (ty0, ty1, wy) = Neighbours(y, kernelHeight, tilesY);
            for (var x = 0; x < w; x++)
            {
                var (tx0, tx1, wx) = Neighbours(x, kernelWidth, tilesX);
                var b = Bin(plane[y, x]);
                var top = (1 - wx) * maps[ty0, tx0][b] + wx * maps[ty0, tx1][b];
                var bottom = (1 - wx) * maps[ty1, tx0][b] + wx * maps[ty1, tx1][b];
                result[y, x] = (float)Math.Clamp((1 - wy) * top + wy * bottom, 0, 1);
            }
        }
        return result;
    }

    /// <summary>
    /// Clips every bin at <paramref name="limit"/> and spreads the clipped counts evenly over the bins still below
    /// it (repeatedly, as bins fill), so the total is kept while no bin exceeds the limit (if limit·bins ≥ total).
    /// </summary>
    public static double[] ClipHistogram(double[] histogram, double limit)
    {
        var clipped = histogram.Select(c => Math.Min(c, limit)).ToArray();
        var excess = histogram.Sum() - clipped.Sum();
        while (excess > 1e-9)
        {
            var open = clipped.Count(c => c < limit);
            if (open == 0) break;
            var share = excess / open;
            for (var b = 0; b < clipped.Length; b++)
            {
                if (clipped[b] >= limit) continue;
                var added = Math.Min(share, limit - clipped[b]);
                clipped[b] += added;
                excess -= added;
            }
        }
        return clipped;
    }

    private static double[] Cdf(double[] histogram, int pixels)
    {
        var cdf = new double[histogram.Length];
        double sum = 0;
        for (var b = 0; b < histogram.Length; b++) cdf[b] = (sum += histogram[b]) / pixels;
        return cdf;
    }

    private static int Bin(float value) => Math.Clamp((int)(value * Bins), 0, Bins - 1);

    /// <summary>The two tiles whose centres bracket <paramref name="position"/> and the weight of the second.</summary>
    private static (int First, int Second, double Weight) Neighbours(int position, int kernel, int tiles)
    {
        var p = (position + 0.5) / kernel - 0.5;
        var first = Math.Clamp((int)Math.Floor(p), 0, tiles - 1);
        var second = Math.Min(first + 1, tiles - 1);
        var weight = second == first ? 0 : Math.Clamp(p - first, 0, 1);
        return (first, second, weight);
    }
}
