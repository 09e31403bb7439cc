using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>Zoom: crop a random fraction in [0, 0.3] off each side and resize back (bilinear), per image.</summary>
public sealed class Zoom : IBartTransform
{
    public string Name => "zoom";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var device = images.device;
        var crop = PerImage.Uniform(generator, [n, 4], 0, 0.3, device);
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
}
