using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Greyscale-mix group (RGB only), one of Beware's four variants per image: full mix (every channel becomes a grey
/// plane of random normalised channel weights); partial mix (channel i keeps a share max(uᵢ, 0.2) of itself, the
/// rest grey); two-thirds mix (one random channel is kept, the other two become their weighted mix); one-channel
/// partial grey (one random channel is blended, with weight U(0.1, 0.9), towards the weighted mix of the other two).
/// </summary>
internal sealed class GreyscaleMix : IBartTransform
{
    private const int Variants = 4;

    public string Name => "greyscale-mix";
    public bool NeedsColour => true;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var variant = PerImage.Choice(generator, images.shape[0], Variants);
        return PerImage.Dispatch(images, variant, Variants, (v, x) => Mix(v, x, generator));
    }

    private static Tensor Mix(int variant, Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = x.shape[0];
        var weights = PerImage.Uniform(generator, [n, 3], 0, 1, x.device).to_type(x.dtype).clamp_min(1e-6);
        var shares = PerImage.Uniform(generator, [n, 3], 0, 1, x.device).to_type(x.dtype);
        var special = nn.functional.one_hot(PerImage.Choice(generator, n, 3), 3).to(x.device).to_type(x.dtype).view(n, 3, 1, 1);
        Tensor result;
        if (variant < 2)
        {
            var grey = (x * (weights / weights.sum(1, keepdim: true)).view(n, 3, 1, 1)).sum(1, keepdim: true);
            var keep = variant == 0 ? zeros_like(shares) : shares.clamp_min(0.2);
            var k = keep.view(n, 3, 1, 1);
            result = x * k + grey * (1 - k);
        }
        else
        {
            // The mix of the two channels other than the special one.
            var others = (1 - special) * weights.view(n, 3, 1, 1);
            var grey = (x * others).sum(1, keepdim: true) / others.sum(1, keepdim: true);
            var blend = (0.1 + 0.8 * shares.narrow(1, 0, 1)).view(n, 1, 1, 1);
            result = variant == 2
                ? special * x + (1 - special) * grey
                : (1 - special) * x + special * (x * (1 - blend) + grey * blend);
        }
        return result.clamp(0, 1).MoveToOuterDisposeScope();
    }
}
