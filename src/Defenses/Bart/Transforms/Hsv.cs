using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>RGB ↔ HSV on [N,3,H,W] tensors, all three channels in [0,1].</summary>
internal static class Hsv
{
    public static Tensor FromRgb(Tensor rgb)
    {
        Tensor r = rgb.select(1, 0), g = rgb.select(1, 1), b = rgb.select(1, 2);
        var max = rgb.amax([1]);
        var min = rgb.amin([1]);
        var delta = max - min;
        var safe = delta.clamp_min(1e-8);
        var hue = where(max.eq(r), ((g - b) / safe).remainder(6), where(max.eq(g), (b - r) / safe + 2, (r - g) / safe + 4)) / 6;
        hue = where(delta.gt(0), hue, zeros_like(hue));
        var saturation = where(max.gt(0), delta / max.clamp_min(1e-8), zeros_like(max));
        return stack([hue, saturation, max], 1);
    }

    /// <summary>channel(n) = v − v·s·max(0, min(k, 4 − k, 1)), k = (n + 6h) mod 6, n = 5, 3, 1 for R, G, B.</summary>
    public static Tensor ToRgb(Tensor hsv)
    {
        Tensor h = hsv.select(1, 0), s = hsv.select(1, 1), v = hsv.select(1, 2);
        Tensor Channel(double n)
        {
            var k = (h * 6 + n).remainder(6);
            return v - v * s * minimum(minimum(k, 4 - k), ones_like(k)).clamp_min(0);
        }
        return stack([Channel(5), Channel(3), Channel(1)], 1);
    }
}
