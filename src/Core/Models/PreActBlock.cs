using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// Pre-activation residual unit of He et al. (2016), "Identity Mappings in Deep Residual Networks":
/// BN → act → conv3×3 → BN → act → conv3×3, added to the identity (or to a 1×1 projection of the
/// pre-activated input when the shape changes).
/// </summary>
public sealed class PreActBlock : nn.Module<Tensor, Tensor>
{
    private readonly BatchNorm2d bn1;
    private readonly nn.Module<Tensor, Tensor> act1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn2;
    private readonly nn.Module<Tensor, Tensor> act2;
    private readonly Conv2d conv2;
    private readonly Conv2d? shortcut;

    public PreActBlock(int inChannels, int outChannels, int stride, ModelSpec spec) : base(nameof(PreActBlock))
    {
        bn1 = nn.BatchNorm2d(inChannels);
        act1 = spec.NewActivation();
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        act2 = spec.NewActivation();
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        if (stride != 1 || inChannels != outChannels)
            shortcut = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pre = act1.call(bn1.call(input));
        var skip = shortcut is null ? input : shortcut.call(pre);
        var residual = conv2.call(act2.call(bn2.call(conv1.call(pre))));
        return residual.add_(skip).MoveToOuterDisposeScope();
    }
}
