using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// The standard CIFAR augmentation, vectorised over the batch: zero-pad by <c>pad</c> pixels, crop a random
/// window of the original size, and mirror horizontally with probability ½ — one gather per axis, no per-image loop.
/// </summary>
public static class PadCropFlip
{
    public static Tensor Apply(Tensor images, Generator generator, int pad = 4)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var device = images.device;
        var padded = nn.functional.pad(images, [pad, pad, pad, pad]);
        var dy = randint(0, 2 * pad + 1, [n, 1], generator: generator, dtype: int64).to(device);
        var dx = randint(0, 2 * pad + 1, [n, 1], generator: generator, dtype: int64).to(device);
        var flip = (rand([n, 1], generator: generator) < 0.5).to(device);
        var rows = dy + arange(h, dtype: int64, device: device).unsqueeze(0);
        var forward = arange(w, dtype: int64, device: device).unsqueeze(0);
        var cols = dx + where(flip, (w - 1) - forward, forward);
        var byRow = padded.gather(2, rows.view(n, 1, h, 1).expand(n, c, h, w + 2 * pad));
        var cropped = byRow.gather(3, cols.view(n, 1, 1, w).expand(n, c, h, w));
        return cropped.MoveToOuterDisposeScope();
    }
}
