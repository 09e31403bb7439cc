namespace Robustness.Pruning.Masks;

/// <summary>
/// Which layers are pruned and how hard. Convolution and linear weights are prunable; by default the first
/// convolution, 1×1 (shortcut) convolutions and the classifier (last linear layer) stay dense.
/// </summary>
public sealed record PruningScope
{
    public bool ExcludeFirstConvolution { get; init; } = true;
    public bool ExcludeShortcuts { get; init; } = true;
    public bool ExcludeClassifier { get; init; } = true;
    /// <summary>Layer names (as named_modules spells them) that stay dense.</summary>
    public string[] Exclude { get; init; } = [];
    /// <summary>Per-layer ratios overriding the global ratio, by layer name.</summary>
    public Dictionary<string, double> LayerRatios { get; init; } = new();
}
