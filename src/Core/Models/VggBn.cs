using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// VGG-16 with BatchNorm (Simonyan and Zisserman 2015; BN after every conv) for 32×32 inputs: thirteen 3×3 convs
/// in five pooled blocks, then a linear output on the 1×1 feature map. <c>widthDivisor</c> 4 gives the slim variant.
/// </summary>
public static class VggBn
{
    private static readonly int[] Layout = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0];

    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int widthDivisor, int inputSize)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("input", new InputStage(spec.Dataset, spec.InputSize, spec.Layout)) };
        int channels = spec.Dataset.Channels, size = inputSize, conv = 0, pool = 0;
        foreach (var width in Layout)
        {
            if (width == 0)
            {
                layers.Add(($"pool{++pool}", nn.MaxPool2d(2)));
                size /= 2;
                continue;
            }
            var outChannels = width / widthDivisor;
            conv++;
            layers.Add(($"conv{conv}", nn.Conv2d(channels, outChannels, 3, padding: 1, bias: false)));
            layers.Add(($"bn{conv}", nn.BatchNorm2d(outChannels)));
            layers.Add(($"act{conv}", spec.NewActivation()));
            channels = outChannels;
        }
        if (size < 1) throw new ArgumentException($"VGG needs inputs of at least 32×32; got {inputSize}", nameof(inputSize));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("logits", nn.Linear(channels * size * size, spec.OutputCount)));
        return nn.Sequential(layers);
    }
}
