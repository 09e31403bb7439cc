using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Zoom group, one variant per image: random crop-zoom (a fraction in [10/256, 50/256] off each side, as Beware's
/// margins of h·10/256 to h·50/256 pixels; bilinear resize back)
/// or seam carving as in Beware's group 6.2 — remove t₁ lowest-energy seams (Sobel energy of the grey image) along
/// one axis, or t₁ vertical then t₂ horizontal seams (p ½), t ∈ [round(h·10/256), round(h·50/256)] (1–6 px at 32),
/// then resize back (bilinear).
/// </summary>
internal sealed class Zoom : IBartTransform
{
    public string Name => "zoom";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var variant = PerImage.Choice(generator, images.shape[0], 2);
        return PerImage.Dispatch(images, variant, 2, (v, x) => v == 0 ? CropZoom(x, generator) : SeamCarve(x, generator));
    }

    private static Tensor CropZoom(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var device = images.device;
        var crop = PerImage.Uniform(generator, [n, 4], 10.0 / 256, 50.0 / 256, device);
        Tensor left = crop.select(1, 0), right = crop.select(1, 1), top = crop.select(1, 2), bottom = crop.select(1, 3);
        var zero = zeros(n, device: device);
        var theta = stack([
            stack([1 - left - right, zero, left - right], 1),
            stack([zero, 1 - top - bottom, top - bottom], 1),
        ], 1);
        var grid = nn.functional.affine_grid(theta, images.shape, align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false)
            .clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static Tensor SeamCarve(Tensor images, Generator generator)
    {
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var least = (int)Math.Max(1, Math.Round(h * 10.0 / 256));
        var most = (int)Math.Max(least, Math.Min(Math.Round(h * 50.0 / 256), Math.Min(h, w) - 1));
        using var draws = rand([n, 3], generator: generator, dtype: ScalarType.Float64);
        var u = draws.data<double>().ToArray();
        using var cpu = images.to_type(ScalarType.Float32).cpu().contiguous();
        var pixels = cpu.data<float>().ToArray();
        var results = new List<Tensor>();
        for (var i = 0; i < n; i++)
        {
            var planes = Planes(pixels, i, c, h, w);
            var first = least + (int)Math.Floor(u[i * 3] * (most - least + 1));
            var second = least + (int)Math.Floor(u[i * 3 + 1] * (most - least + 1));
            var bothAxes = u[i * 3 + 2] < 0.5;
            if (bothAxes)
            {
                planes = RemoveVertical(planes, first);
                planes = RemoveHorizontal(planes, second);
            }
            else
            {
                planes = u[i * 3 + 1] < 0.5 ? RemoveVertical(planes, first) : RemoveHorizontal(planes, first);
            }
            results.Add(Resize(planes, h, w));
        }
        var stacked = cat(results, 0).to(images.device).to_type(images.dtype);
        foreach (var r in results) r.Dispose();
        return stacked;
    }

    private static float[][,] RemoveVertical(float[][,] planes, int count) =>
        SeamCarving.RemoveVerticalSeams(planes, SeamCarving.SobelEnergy(Grey(planes)), count).Planes;

    private static float[][,] RemoveHorizontal(float[][,] planes, int count) =>
        RemoveVertical(planes.Select(SeamCarving.Transpose).ToArray(), count).Select(SeamCarving.Transpose).ToArray();

    /// <summary>skimage rgb2gray weights for colour; the plane itself for greyscale.</summary>
    private static float[,] Grey(float[][,] planes)
    {
        if (planes.Length != 3) return planes[0];
        int h = planes[0].GetLength(0), w = planes[0].GetLength(1);
        var grey = new float[h, w];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                grey[y, x] = 0.2125f * planes[0][y, x] + 0.7154f * planes[1][y, x] + 0.0721f * planes[2][y, x];
        return grey;
    }

    private static float[][,] Planes(float[] pixels, int image, long c, long h, long w)
    {
        var planes = new float[c][,];
        for (var ch = 0; ch < c; ch++)
        {
            planes[ch] = new float[h, w];
            var offset = ((image * c) + ch) * h * w;
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                    planes[ch][y, x] = pixels[offset + y * w + x];
        }
        return planes;
    }

    private static Tensor Resize(float[][,] planes, long h, long w)
    {
        int ph = planes[0].GetLength(0), pw = planes[0].GetLength(1);
        var flat = new float[planes.Length * ph * pw];
        for (var ch = 0; ch < planes.Length; ch++)
            Buffer.BlockCopy(planes[ch], 0, flat, ch * ph * pw * sizeof(float), ph * pw * sizeof(float));
        using var small = tensor(flat, [1, planes.Length, ph, pw]);
        return nn.functional.interpolate(small, [h, w], mode: InterpolationMode.Bilinear, align_corners: false).clamp(0, 1);
    }
}
