using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.Bart;

/// <summary>
/// BaRT — Barrage of Random Transforms (Raff et al., CVPR 2019). Each image gets <see cref="TransformCount"/>
/// distinct groups out of the dataset's groups (10 for colour images, 8 for greyscale: the colour-space and
/// greyscale-mix groups don't apply), in random order, each with random parameters. The backbone is trained on
/// barrage-transformed images with the same k. The paper profile sets k per dataset and lists Mahmood et al.'s
/// sweep in <see cref="TransformCountGrid"/> (CIFAR-10 {1,4,7,10}, Fashion-MNIST {1,4,6,8}): the harness runs one
/// fit per k by overriding <see cref="TransformCount"/>.
/// </summary>
public sealed record BartOptions : IDefenseOptions
{
    /// <summary>k: transforms applied to every image.</summary>
    public int TransformCount { get; init; } = 5;

    /// <summary>
    /// The k values a full evaluation sweeps (the defense itself uses <see cref="TransformCount"/>); set per dataset
    /// by the paper profile, empty = just <see cref="TransformCount"/>.
    /// </summary>
    public int[] TransformCountGrid { get; init; } = [];

    /// <summary>Backbone epochs; null = the profile's backbone recipe.</summary>
    public int? Epochs { get; init; }

    /// <summary>Checks k against the groups of the profile's dataset, or of colour images (all groups) when it is unknown.</summary>
    public void Validate(string section, DatasetInfo? dataset) => Validate(BartGroups.For(dataset?.Channels ?? 3).Count);

    public void Validate(int groups)
    {
        if (TransformCount < 1 || TransformCount > groups)
            throw new ArgumentException($"defenses.bart.transformCount = {TransformCount} must be in [1, {groups}] (the groups that apply to this dataset).");
        if (TransformCountGrid.Any(k => k < 1 || k > groups))
            throw new ArgumentException($"defenses.bart.transformCountGrid = [{string.Join(",", TransformCountGrid)}] must lie in [1, {groups}].");
        if (Epochs is < 1) throw new ArgumentException($"defenses.bart.epochs = {Epochs} must be >= 1.");
    }
}
