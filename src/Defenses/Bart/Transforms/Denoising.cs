using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Denoising group, one filter per image: Gaussian blur (σ ∈ [0.3, 1.5], 5-tap separable), 3×3 median or 3×3 mean,
/// with reflected borders.
/// </summary>
public sealed class Denoising : IBartTransform
{
    private const int Filters = 3;

    public string Name => "denoising";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var filter = PerImage.Choice(generator, images.shape[0], Filters);
        return PerImage.Dispatch(images, filter, Filters, (f, x) => f switch
        {
            0 => GaussianBlur(x, generator),
            1 => Median(x),
            _ => Mean(x),
        });
    }

    private static Tensor GaussianBlur(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var sigma = PerImage.Uniform(generator, n, 0.3, 1.5, x.device).view(-1, 1);
        var taps = arange(-2, 3, dtype: ScalarType.Float32, device: x.device).view(1, -1);
        var kernel = (-(taps * taps) / (2 * sigma * sigma)).exp();
        kernel = (kernel / kernel.sum(1, keepdim: true)).repeat_interleave(c, 0);
        var planes = x.reshape(1, n * c, h, w);
        planes = nn.functional.conv2d(nn.functional.pad(planes, [2, 2, 0, 0], PaddingModes.Reflect), kernel.view(n * c, 1, 1, 5), groups: n * c);
        planes = nn.functional.conv2d(nn.functional.pad(planes, [0, 0, 2, 2], PaddingModes.Reflect), kernel.view(n * c, 1, 5, 1), groups: n * c);
        return planes.view(n, c, h, w).clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static Tensor Median(Tensor x)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        var patches = nn.functional.unfold(nn.functional.pad(x, [1, 1, 1, 1], PaddingModes.Reflect), 3);
        return patches.view(n, c, 9, h * w).sort(2).Values.select(2, 4).view(n, c, h, w).MoveToOuterDisposeScope();
    }

    private static Tensor Mean(Tensor x) =>
        nn.functional.avg_pool2d(nn.functional.pad(x, [1, 1, 1, 1], PaddingModes.Reflect), 3, 1);
}
