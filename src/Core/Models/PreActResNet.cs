using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// Pre-activation ResNet v2 for 32×32 inputs (He et al. 2016): conv3×3(16), three stages of n units with
/// 16/32/64 channels (stride 2 between stages), BN → act → global average pool → linear. Depth = 6n + 2.
/// </summary>
public static class PreActResNet
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int depth)
    {
        if ((depth - 2) % 6 != 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "ResNet v2 depth must be 6n + 2");
        var units = (depth - 2) / 6;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("input", new InputStage(spec.Dataset, spec.InputSize, spec.Layout)),
            ("stem", nn.Conv2d(spec.Dataset.Channels, 16, 3, padding: 1, bias: false)),
        };
        var channels = 16;
        foreach (var (stage, width) in new[] { (1, 16), (2, 32), (3, 64) })
        {
            for (var u = 0; u < units; u++)
            {
                var stride = stage > 1 && u == 0 ? 2 : 1;
                layers.Add(($"stage{stage}_unit{u}", new PreActBlock(channels, width, stride, spec)));
                channels = width;
            }
        }
        layers.Add(("bn", nn.BatchNorm2d(channels)));
        layers.Add(("act", spec.NewActivation()));
        layers.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("logits", nn.Linear(channels, spec.OutputCount)));
        return nn.Sequential(layers);
    }
}
