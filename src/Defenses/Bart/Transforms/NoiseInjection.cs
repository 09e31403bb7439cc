using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// Noise injection, one kind per image: Gaussian (σ ∈ [0.01, 0.07]), Poisson (peak ∈ [30, 255], Gaussian
/// approximation), salt, pepper, salt &amp; pepper (amount ∈ [0.005, 0.05]) or speckle (σ ∈ [0.01, 0.1]).
/// </summary>
internal sealed class NoiseInjection : IBartTransform
{
    private const int Kinds = 6;

    public string Name => "noise-injection";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        var kinds = PerImage.Choice(generator, images.shape[0], Kinds);
        return PerImage.Dispatch(images, kinds, Kinds, (kind, x) => Inject(kind, x, generator));
    }

    private static Tensor Inject(int kind, Tensor x, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = x.shape[0];
        var device = x.device;
        var gaussian = randn(x.shape, generator: generator).to(device);
        var uniform = rand(x.shape, generator: generator).to(device);
        var amount = PerImage.Uniform(generator, n, 0.005, 0.05, device).AsImages();
        var result = kind switch
        {
            0 => x + PerImage.Uniform(generator, n, 0.01, 0.07, device).AsImages() * gaussian,
            1 => x + (x / PerImage.Uniform(generator, n, 30, 255, device).AsImages()).sqrt() * gaussian,
            2 => where(uniform.lt(amount), ones_like(x), x),
            3 => where(uniform.lt(amount), zeros_like(x), x),
            4 => where(uniform.lt(amount / 2), zeros_like(x), where(uniform.gt(1 - amount / 2), ones_like(x), x)),
            _ => x + x * PerImage.Uniform(generator, n, 0.01, 0.1, device).AsImages() * gaussian,
        };
        return result.clamp(0, 1).MoveToOuterDisposeScope();
    }
}
