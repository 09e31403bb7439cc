using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// skimage-style rank filters over a disk footprint (offsets with dx² + dy² ≤ r²) on planes [P,1,H,W]:
/// median, mean and mean-bilateral. Mean and mean-bilateral average only neighbours inside the image, as skimage's
/// rank filters do; the median reads replicated borders.
/// </summary>
internal static class DiskFilters
{
    public static Tensor Median(Tensor planes, int radius)
    {
        using var scope = NewDisposeScope();
        var (values, _) = Neighbourhood(planes, radius, PaddingModes.Replicate);
        return values.sort(1).Values.select(1, values.shape[1] / 2).view(planes.shape).MoveToOuterDisposeScope();
    }

    public static Tensor Mean(Tensor planes, int radius)
    {
        using var scope = NewDisposeScope();
        var (values, inside) = Neighbourhood(planes, radius, PaddingModes.Constant);
        return ((values * inside).sum(1) / inside.sum(1)).view(planes.shape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Mean of the disk neighbours whose value lies in [g − s0, g + s1] around the centre value g (values and s on the
    /// 0–255 scale, as skimage's mean_bilateral on 8-bit images); the centre itself always qualifies.
    /// </summary>
    public static Tensor MeanBilateral(Tensor planes, int radius, double s0, double s1) =>
        MeanBilateral(planes, radius, full(planes.shape[0], s0, planes.dtype, planes.device), full(planes.shape[0], s1, planes.dtype, planes.device));

    /// <param name="s0">Lower range per plane, [P].</param>
    /// <param name="s1">Upper range per plane, [P].</param>
    public static Tensor MeanBilateral(Tensor planes, int radius, Tensor s0, Tensor s1)
    {
        using var scope = NewDisposeScope();
        var (values, inside) = Neighbourhood(planes, radius, PaddingModes.Constant);
        var centre = planes.flatten(1).unsqueeze(1);
        var difference = (values - centre) * 255;
        var selected = inside * difference.ge(-s0.view(-1, 1, 1)).logical_and(difference.le(s1.view(-1, 1, 1))).to_type(planes.dtype);
        return ((values * selected).sum(1) / selected.sum(1).clamp_min(1)).view(planes.shape).MoveToOuterDisposeScope();
    }

    /// <summary>The disk neighbours of every pixel, [P, |disk|, H·W], and 1 where the neighbour lies inside the image.</summary>
    private static (Tensor Values, Tensor Inside) Neighbourhood(Tensor planes, int radius, PaddingModes padding)
    {
        if (planes.dim() != 4 || planes.shape[1] != 1) throw new ArgumentException($"disk filters need planes [P,1,H,W], got [{string.Join(",", planes.shape)}]", nameof(planes));
        if (radius < 1) throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be >= 1");
        var side = 2 * radius + 1;
        var disk = Enumerable.Range(0, side * side).Where(i => Square(i / side - radius) + Square(i % side - radius) <= radius * radius).Select(i => (long)i).ToArray();
        var index = tensor(disk, device: planes.device);
        long[] pad = [radius, radius, radius, radius];
        var padded = nn.functional.pad(planes, pad, padding);
        var values = nn.functional.unfold(padded, side).index_select(1, index);
        var inside = nn.functional.unfold(nn.functional.pad(ones_like(planes), pad), side).index_select(1, index);
        return (values, inside);
    }

    private static int Square(int v) => v * v;
}
