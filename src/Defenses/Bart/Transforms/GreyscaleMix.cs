using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Greyscale mix (RGB only): a grey plane from random, normalised channel weights replaces a random non-empty
/// subset of the channels (all three = full greyscale, fewer = partial greyscale).
/// </summary>
public sealed class GreyscaleMix : IBartTransform
{
    public string Name => "greyscale-mix";
    public bool NeedsColour => true;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var weights = PerImage.Uniform(generator, [n, 3], 0.05, 1, images.device);
        weights /= weights.sum(1, keepdim: true);
        var grey = (images * weights.view(n, 3, 1, 1)).sum(1, keepdim: true);
        var replace = PerImage.Uniform(generator, [n, 3], 0, 1, images.device).lt(0.5);
        replace = replace.logical_or(replace.any(1, keepdim: true).logical_not());
        return where(replace.view(n, 3, 1, 1), grey.expand_as(images), images).clamp(0, 1).MoveToOuterDisposeScope();
    }
}
