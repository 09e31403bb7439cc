using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// The random resize-and-pad transformation (Xie et al. 2018, as used by Kou et al.): each image is resized to a random
/// side s ∈ [minScale·H, H] (bilinear) and placed at a random integer offset in a zero canvas of the original size.
/// One affine grid sample does both for the whole batch.
/// </summary>
public static class RandomResizePad
{
    public static Tensor Apply(Tensor images, double minScale, Generator generator)
    {
        if (minScale is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(minScale), minScale, "minScale must be in (0, 1]");
        using var scope = NewDisposeScope();
        long n = images.shape[0], h = images.shape[2], w = images.shape[3];
        var smallest = Math.Max(1, (long)Math.Ceiling(minScale * h));
        var height = randint(smallest, h + 1, [n], generator: generator, dtype: int64).to_type(float32);
        var width = (height * ((double)w / h)).round().clamp(1, w);
        var top = (rand([n], generator: generator) * (h - height + 1)).floor();
        var left = (rand([n], generator: generator) * (w - width + 1)).floor();
        var zeros = zeros_like(height);
        var rowX = stack([w / width, zeros, (w - 2 * left) / width - 1], 1);
        var rowY = stack([zeros, h / height, (h - 2 * top) / height - 1], 1);
        var theta = stack([rowX, rowY], 1).to(images.device);
        var grid = nn.functional.affine_grid(theta, [n, images.shape[1], h, w], align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false)
            .MoveToOuterDisposeScope();
    }
}
