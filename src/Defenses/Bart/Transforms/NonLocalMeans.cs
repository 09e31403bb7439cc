using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Non-local means (Buades et al. 2005) in skimage's fast mode: every pixel becomes the weighted mean of the pixels
/// at offsets within ±<c>distance</c>, weight exp(−d²/h²), d² the mean squared difference of the two
/// <c>patch</c>×<c>patch</c> neighbourhoods over all channels (borders replicated).
/// </summary>
internal static class NonLocalMeans
{
    /// <param name="images">[N,C,H,W].</param>
    /// <param name="h">Filter strength per image, [N].</param>
    public static Tensor Denoise(Tensor images, int patch, int distance, Tensor h)
    {
        if (patch < 1 || distance < 0) throw new ArgumentOutOfRangeException(nameof(patch), $"patch = {patch} must be >= 1 and distance = {distance} >= 0");
        using var scope = NewDisposeScope();
        long height = images.shape[2], width = images.shape[3];
        var strength = h.to(images.device).to_type(images.dtype).view(-1, 1, 1, 1).square().clamp_min(1e-12);
        var padded = nn.functional.pad(images, [distance, distance, distance, distance], PaddingModes.Replicate);
        var total = zeros_like(images);
        var weights = zeros_like(images.narrow(1, 0, 1));
        long before = patch / 2, after = patch - 1 - patch / 2;
        for (var dy = -distance; dy <= distance; dy++)
            for (var dx = -distance; dx <= distance; dx++)
            {
                using var step = NewDisposeScope();
                var shifted = padded.narrow(2, distance + dy, height).narrow(3, distance + dx, width);
                var difference = (images - shifted).square().mean([1], keepdim: true);
                var patchDistance = nn.functional.avg_pool2d(nn.functional.pad(difference, [before, after, before, after], PaddingModes.Replicate), patch, 1);
                var weight = (-patchDistance / strength).exp();
                total.add_(weight * shifted);
                weights.add_(weight);
            }
        return (total / weights).MoveToOuterDisposeScope();
    }
}
