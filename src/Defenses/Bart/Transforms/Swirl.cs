using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Swirl: each output pixel samples the input at its polar angle turned by s·exp(−ρ/r), r = ln2·radius/5, around a
/// random centre; strength s ∈ [0.01, 2], radius ∈ [10, 200] pixels of a 224-pixel image scaled to this size.
/// Bilinear sampling with border padding.
/// </summary>
internal sealed class Swirl : IBartTransform
{
    public string Name => "swirl";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0], h = images.shape[2], w = images.shape[3];
        var device = images.device;
        var scale = Math.Max(h, w) / 224.0;
        var cx = PerImage.Uniform(generator, n, 0, w - 1, device).view(-1, 1, 1);
        var cy = PerImage.Uniform(generator, n, 0, h - 1, device).view(-1, 1, 1);
        var strength = PerImage.Uniform(generator, n, 0.01, 2.0, device).view(-1, 1, 1);
        var radius = PerImage.Uniform(generator, n, 10 * scale, 200 * scale, device).view(-1, 1, 1);
        var ys = arange(h, dtype: ScalarType.Float32, device: device).view(1, -1, 1);
        var xs = arange(w, dtype: ScalarType.Float32, device: device).view(1, 1, -1);
        var dx = xs - cx;
        var dy = ys - cy;
        var rho = (dx * dx + dy * dy).sqrt();
        var theta = atan2(dy, dx) + strength * (-rho / (Math.Log(2) * radius / 5)).exp();
        var sx = cx + rho * theta.cos();
        var sy = cy + rho * theta.sin();
        var grid = stack([(2 * sx + 1) / w - 1, (2 * sy + 1) / h - 1], 3);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false)
            .clamp(0, 1).MoveToOuterDisposeScope();
    }
}
