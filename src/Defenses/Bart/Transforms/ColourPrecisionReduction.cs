using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>Colour precision reduction: x ← round(x·s)/s with s ∈ [8, 200] levels, per channel with probability ½.</summary>
internal sealed class ColourPrecisionReduction : IBartTransform
{
    public string Name => "colour-precision-reduction";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0], c = images.shape[1];
        var levels = PerImage.Uniform(generator, [n, c], 8, 201, images.device).floor();
        var shared = PerImage.Uniform(generator, n, 0, 1, images.device).lt(0.5).view(-1, 1);
        levels = where(shared, levels.narrow(1, 0, 1).expand(n, c), levels).view(n, c, 1, 1);
        return ((images * levels).round() / levels).clamp(0, 1).MoveToOuterDisposeScope();
    }
}
