using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Contrast group, one per image: histogram equalisation (each channel mapped through its empirical CDF) or
/// contrast stretching between random low/high percentiles (low ∈ [1, 4] %, high ∈ [96, 99] %).
/// </summary>
public sealed class ContrastEqualisation : IBartTransform
{
    public string Name => "contrast-equalisation";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var kind = PerImage.Choice(generator, images.shape[0], 2);
        return PerImage.Dispatch(images, kind, 2, (k, x) => k == 0 ? Equalise(x) : Stretch(x, generator));
    }

    private static Tensor Equalise(Tensor x)
    {
        using var scope = NewDisposeScope();
        var flat = x.flatten(2).flatten(0, 1);
        var sorted = flat.sort(1).Values.contiguous();
        var cdf = searchsorted(sorted, flat.contiguous(), right: true).to_type(x.dtype) / flat.shape[1];
        return cdf.view(x.shape).clamp(0, 1).MoveToOuterDisposeScope();
    }

    private static Tensor Stretch(Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], pixels = x.shape[2] * x.shape[3];
        var sorted = x.flatten(2).sort(2).Values;
        var lowIndex = (PerImage.Uniform(generator, n, 0.01, 0.04, x.device) * (pixels - 1)).round().to_type(ScalarType.Int64);
        var highIndex = (PerImage.Uniform(generator, n, 0.96, 0.99, x.device) * (pixels - 1)).round().to_type(ScalarType.Int64);
        var low = sorted.gather(2, lowIndex.view(-1, 1, 1).expand(n, x.shape[1], 1)).unsqueeze(3);
        var high = sorted.gather(2, highIndex.view(-1, 1, 1).expand(n, x.shape[1], 1)).unsqueeze(3);
        return ((x - low) / (high - low).clamp_min(1e-3)).clamp(0, 1).MoveToOuterDisposeScope();
    }
}
