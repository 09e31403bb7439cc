using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// ComCNN → code → (training: sigmoid(code + N(0, σ²)); evaluation: 1[code &gt; 0]) → RecCNN.
/// The defense's test-time path is <see cref="Purify"/>: as in the authors' test code and Beware's
/// DefenseComDefend, the code minus N(0, σ_test²) noise goes through the sigmoid, is binarised (or, for Beware's
/// Fashion-MNIST, kept real-valued), reconstructed and truncated to 8 bits. <see cref="forward"/> returns [N, C·H·W + K·H·W]: the flattened reconstruction followed by the flattened
/// pre-noise code, so <see cref="ComDefendLoss"/> sees both through the trainer's plain (output, inputs) loss.
/// The initial weights and the training noise come from generators seeded at construction, never from torch's
/// global generator: a seeded fit gives the same network whatever else the process runs beside it.
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
        InitialiseFrom(seed);
    }

    /// <summary>
    /// PyTorch's default convolution init, drawn from a seeded generator: Kaiming-uniform with a = √5 for the weight,
    /// which is U(±1/√fan-in), and U(±1/√fan-in) for the bias.
    /// </summary>
    private void InitialiseFrom(long seed)
    {
        using var generator = new Generator(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x5EED));
        using var noGrad = no_grad();
        var convolutions = named_modules().Select(m => m.module).OfType<TorchSharp.Modules.Conv2d>().ToList();
        if (convolutions.Count == 0) throw new InvalidOperationException("ComDefend autoencoder: no convolution found to initialise.");
        foreach (var conv in convolutions)
        {
            var weight = conv.weight!;
            var bound = 1 / Math.Sqrt(weight.shape[1] * weight.shape[2] * weight.shape[3]);
            FillUniform(weight, bound, generator);
            if (conv.bias is { } bias) FillUniform(bias, bound, generator);
        }
    }

    private static void FillUniform(Tensor parameter, double bound, Generator generator)
    {
        using var drawn = rand(parameter.shape, generator: generator);
        parameter.copy_(drawn.mul_(2 * bound).sub_(bound));
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
