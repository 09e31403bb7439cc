using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.ComDefend;

/// <summary>Same-resolution 3×3 conv layers with ELU between them, and a final linear 3×3 conv.</summary>
internal static class ConvStack
{
    public static nn.Module<Tensor, Tensor> Create(string prefix, int inChannels, IReadOnlyList<int> widths, int outChannels)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = inChannels;
        for (var i = 0; i < widths.Count; i++)
        {
            layers.Add(($"{prefix}{i}", nn.Conv2d(channels, widths[i], 3, padding: 1)));
            layers.Add(($"{prefix}{i}-elu", nn.ELU()));
            channels = widths[i];
        }
        layers.Add(($"{prefix}-out", nn.Conv2d(channels, outChannels, 3, padding: 1)));
        return nn.Sequential(layers);
    }
}
