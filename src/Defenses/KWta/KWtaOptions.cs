using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.KWta;

/// <summary>
/// k-Winners-Take-All activation (Xiao, Zhong, Zheng — "Enhancing Adversarial Defense by k-Winners-Take-All",
/// ICLR 2020). Profile overrides: section "defenses.k-wta".
/// </summary>
public sealed record KWtaOptions : IDefenseOptions
{
    /// <summary>γ: fraction of each layer's activations kept per sample, k = ⌈γ·d⌉ (paper: 0.1).</summary>
    public double Sparsity { get; init; } = 0.1;

    /// <summary>
    /// The paper's incremental training for small γ: start at <see cref="StartSparsity"/> and lower γ step by step
    /// to <see cref="Sparsity"/> while training. Our reading: a linear decrease per batch over the first
    /// <see cref="ScheduleFraction"/> of the training images, then γ stays at its target.
    /// </summary>
    public bool IncrementalSchedule { get; init; } = true;

    /// <summary>γ at the first training batch when <see cref="IncrementalSchedule"/> is on.</summary>
    public double StartSparsity { get; init; } = 0.2;

    /// <summary>Fraction of the training run over which γ moves from its start to its target.</summary>
    public double ScheduleFraction { get; init; } = 0.5;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (Sparsity is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(Sparsity), Sparsity, "defenses.k-wta.sparsity must be in (0, 1].");
        if (IncrementalSchedule && StartSparsity is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(StartSparsity), StartSparsity, "defenses.k-wta.startSparsity must be in (0, 1].");
        if (IncrementalSchedule && ScheduleFraction is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(ScheduleFraction), ScheduleFraction, "defenses.k-wta.scheduleFraction must be in (0, 1].");
    }
}
