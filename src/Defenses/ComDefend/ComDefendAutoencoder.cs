using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// ComCNN → code → (training: sigmoid(code + N(0, σ²)); evaluation: 1[code &gt; 0]) → RecCNN.
/// The defense's test-time path is <see cref="Purify"/>: as in the authors' test code and Beware's
/// DefenseComDefend, the code minus N(0, σ_test²) noise goes through the sigmoid, is binarised (or, for Beware's
/// Fashion-MNIST, kept real-valued), reconstructed and truncated to 8 bits. <see cref="forward"/> returns [N, C·H·W + K·H·W]: the flattened reconstruction followed by the flattened
/// pre-noise code, so <see cref="ComDefendLoss"/> sees both through the trainer's plain (output, inputs) loss.
/// The training noise comes from a generator the module owns, seeded at construction.
/// </summary>
public sealed class ComDefendAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> comCnn;
    private readonly nn.Module<Tensor, Tensor> recCnn;
    private readonly Generator noise;
    private readonly double noiseStd;

    public ComDefendAutoencoder(int imageChannels, ComDefendOptions options, long seed) : base(nameof(ComDefendAutoencoder))
    {
        ImageChannels = imageChannels;
        CodeChannels = options.CodeChannelsFor(imageChannels);
        comCnn = ComCnn.Create(imageChannels, options.EncoderWidths, CodeChannels);
        recCnn = RecCnn.Create(CodeChannels, options.DecoderWidths, imageChannels);
        noise = new Generator((ulong)seed);
        noiseStd = options.NoiseStd;
        TestNoiseStd = options.TestNoiseStd;
        BinarisesCode = options.BinariseCodeFor(imageChannels);
        RegisterComponents();
    }

    public int ImageChannels { get; }
    public int CodeChannels { get; }

    /// <summary>σ_test of the Gaussian noise subtracted from the code before the sigmoid at test time.</summary>
    public double TestNoiseStd { get; }

    /// <summary>Whether the test-time code is thresholded at 0.5 (CIFAR-10) or passed on as the sigmoid (Fashion-MNIST).</summary>
    public bool BinarisesCode { get; }

    /// <summary>The real-valued code [N,K,H,W] (ComCNN output).</summary>
    public Tensor Encode(Tensor images) => comCnn.call(images);

    /// <summary>The binary code the defense transmits: 1 where the code is positive (sigmoid &gt; 0.5), else 0.</summary>
    public static Tensor Binarise(Tensor code) => code.gt(0).to_type(code.dtype);

    public Tensor Decode(Tensor bits) => recCnn.call(bits);

    /// <summary>
    /// The code RecCNN receives at test time: sigmoid(code − σ_test·n), n ~ N(0, 1) drawn from
    /// <paramref name="generator"/>, thresholded at 0.5 when <see cref="BinarisesCode"/>.
    /// </summary>
    public Tensor TestCode(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var code = Encode(images.clamp(0, 1));
        var noisy = TestNoiseStd > 0 ? code - TestNoiseStd * randn(code.shape, generator: generator).to(code.device) : code;
        return (BinarisesCode ? Binarise(noisy) : noisy.sigmoid()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The test-time purification: <see cref="TestCode"/>, reconstruct, truncate to 8 bits as the reference's uint8
    /// cast does. Output in [0,1], a multiple of 1/255; randomised when <see cref="TestNoiseStd"/> &gt; 0.
    /// </summary>
    public Tensor Purify(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var reconstruction = Decode(TestCode(images, generator));
        return ((reconstruction * 255).floor() / 255).clamp(0, 1).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var code = Encode(images);
        Tensor bits;
        if (training)
        {
            var drawn = randn(code.shape, generator: noise).to(code.device);
            bits = (code + noiseStd * drawn).sigmoid();
        }
        else
        {
            bits = Binarise(code);
        }
        var reconstruction = Decode(bits);
        return cat([reconstruction.flatten(1), code.flatten(1)], 1).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) noise.Dispose();
        base.Dispose(disposing);
    }
}
