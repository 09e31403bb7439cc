using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>conv8/2-pool8x8-fc behind an optional fixed resize; remembers the last size its convs saw.</summary>
internal sealed class TinyCnn : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly int? inputSize;

    public TinyCnn(int channels, int outputs, int? inputSize) : base(nameof(TinyCnn))
    {
        this.inputSize = inputSize;
        features = nn.Sequential(
            nn.Conv2d(channels, 8, 3, stride: 2, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(8), nn.Flatten());
        head = nn.Linear(8 * 64, outputs);
        RegisterComponents();
    }

    /// <summary>Height of the last input the convolutions received (after the resize).</summary>
    public long LastConvInputSize { get; private set; }

    public override Tensor forward(Tensor input)
    {
        var x = inputSize is { } size
            ? nn.functional.interpolate(input, [size, size], mode: InterpolationMode.Bilinear, align_corners: false)
            : input;
        LastConvInputSize = x.shape[2];
        return head.call(features.call(x));
    }
}
