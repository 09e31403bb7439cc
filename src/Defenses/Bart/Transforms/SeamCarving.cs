namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Seam carving (Avidan and Shamir 2007) on plain arrays: a vertical seam is one pixel per row, each within one
/// column of the previous, of least total energy (dynamic programming). Removing it narrows the image by one
/// column; the energy map loses the same pixels, as skimage's seam_carve does, so it is computed once per call.
/// </summary>
internal static class SeamCarving
{
    /// <summary>The column of the lowest-energy vertical seam in every row of <paramref name="energy"/> [h,w] (ties → leftmost path).</summary>
    public static int[] LowestEnergyVerticalSeam(float[,] energy)
    {
        int h = energy.GetLength(0), w = energy.GetLength(1);
        var cost = new double[h, w];
        var from = new int[h, w];
        for (var x = 0; x < w; x++) cost[0, x] = energy[0, x];
        for (var y = 1; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var best = x;
                for (var dx = -1; dx <= 1; dx += 2)
                {
                    var px = x + dx;
                    if (px >= 0 && px < w && (cost[y - 1, px] < cost[y - 1, best] || (cost[y - 1, px] == cost[y - 1, best] && px < best))) best = px;
                }
                cost[y, x] = cost[y - 1, best] + energy[y, x];
                from[y, x] = best;
            }
        var seam = new int[h];
        seam[h - 1] = 0;
        for (var x = 1; x < w; x++)
            if (cost[h - 1, x] < cost[h - 1, seam[h - 1]]) seam[h - 1] = x;
        for (var y = h - 1; y > 0; y--) seam[y - 1] = from[y, seam[y]];
        return seam;
    }

    /// <summary>
    /// Removes <paramref name="count"/> lowest-energy vertical seams from <paramref name="planes"/> [c][h,w] and
    /// <paramref name="energy"/> [h,w]; returns the narrowed planes and energy.
    /// </summary>
    public static (float[][,] Planes, float[,] Energy) RemoveVerticalSeams(float[][,] planes, float[,] energy, int count)
    {
        if (count < 0 || count >= energy.GetLength(1))
            throw new ArgumentOutOfRangeException(nameof(count), count, $"can remove 0 to {energy.GetLength(1) - 1} seams from a width of {energy.GetLength(1)}");
        for (var i = 0; i < count; i++)
        {
            var seam = LowestEnergyVerticalSeam(energy);
            energy = WithoutSeam(energy, seam);
            planes = planes.Select(p => WithoutSeam(p, seam)).ToArray();
        }
        return (planes, energy);
    }

    /// <summary>skimage-style Sobel magnitude √((Gx² + Gy²)/2) with replicated borders.</summary>
    public static float[,] SobelEnergy(float[,] grey)
    {
        int h = grey.GetLength(0), w = grey.GetLength(1);
        float At(int y, int x) => grey[Math.Clamp(y, 0, h - 1), Math.Clamp(x, 0, w - 1)];
        var energy = new float[h, w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var gx = (At(y - 1, x + 1) + 2 * At(y, x + 1) + At(y + 1, x + 1) - At(y - 1, x - 1) - 2 * At(y, x - 1) - At(y + 1, x - 1)) / 4;
                var gy = (At(y + 1, x - 1) + 2 * At(y + 1, x) + At(y + 1, x + 1) - At(y - 1, x - 1) - 2 * At(y - 1, x) - At(y - 1, x + 1)) / 4;
                energy[y, x] = MathF.Sqrt((gx * gx + gy * gy) / 2);
            }
        return energy;
    }

    public static float[,] Transpose(float[,] plane)
    {
        int h = plane.GetLength(0), w = plane.GetLength(1);
        var result = new float[w, h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                result[x, y] = plane[y, x];
        return result;
    }

    private static float[,] WithoutSeam(float[,] plane, int[] seam)
    {
        int h = plane.GetLength(0), w = plane.GetLength(1);
        var result = new float[h, w - 1];
        for (var y = 0; y < h; y++)
            for (int x = 0, t = 0; x < w; x++)
                if (x != seam[y]) result[y, t++] = plane[y, x];
        return result;
    }
}
