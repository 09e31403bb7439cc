using TorchSharp.Modules;

namespace Robustness.Pruning.Masks;

/// <summary>One pruned layer: its name in the module tree, its weight and the fraction of it pruned.</summary>
public sealed record PrunableLayer(string Name, Parameter Weight, double Ratio)
{
    public bool IsConvolution => Weight.dim() == 4;
}
