using static TorchSharp.torch;

namespace Robustness.Defenses.Bart.Transforms;

/// <summary>
/// FFT perturbation: 2-D FFT of every channel, each coefficient zeroed with a per-channel probability
/// p ∈ [0, 0.95] (the DC term is kept, so the mean brightness survives), real part of the inverse FFT.
/// </summary>
internal sealed class FftPerturbation : IBartTransform
{
    public string Name => "fft-perturbation";
    public bool NeedsColour => false;

    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0], c = images.shape[1];
        var p = PerImage.Uniform(generator, [n, c], 0, 0.95, images.device).view(n, c, 1, 1);
        var keep = rand(images.shape, generator: generator).to(images.device).ge(p);
        keep[TensorIndex.Ellipsis, 0, 0] = tensor(true, device: images.device);
        var spectrum = fft.fft2(images) * keep;
        return fft.ifft2(spectrum).real.clamp(0, 1).contiguous().MoveToOuterDisposeScope();
    }
}
