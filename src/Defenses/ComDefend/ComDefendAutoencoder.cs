using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>
/// ComCNN → code → (training: sigmoid(code + N(0, σ²)); evaluation: 1[code &gt; 0]) → RecCNN.
/// <see cref="forward"/> returns [N, C·H·W + K·H·W]: the flattened reconstruction followed by the flattened
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
        RegisterComponents();
    }

    public int ImageChannels { get; }
    public int CodeChannels { get; }

    /// <summary>The real-valued code [N,K,H,W] (ComCNN output).</summary>
    public Tensor Encode(Tensor images) => comCnn.call(images);

    /// <summary>The binary code the defense transmits: 1 where the code is positive (sigmoid &gt; 0.5), else 0.</summary>
    public static Tensor Binarise(Tensor code) => code.gt(0).to_type(code.dtype);

    public Tensor Decode(Tensor bits) => recCnn.call(bits);

    /// <summary>The test-time purification: encode, binarise, reconstruct. Output in [0,1].</summary>
    public Tensor Purify(Tensor images) => Decode(Binarise(Encode(images)));

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
