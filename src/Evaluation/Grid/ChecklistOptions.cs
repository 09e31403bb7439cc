namespace Robustness.Evaluation.Grid;

/// <summary>Extra cells the evaluation checklist needs, planned for the baseline defense unless said otherwise.</summary>
public sealed record ChecklistOptions
{
    /// <summary>L∞ radius of the random-noise baseline per dataset (the protocol's iterative-attack ε).</summary>
    public IReadOnlyDictionary<string, double> NoiseEpsilon { get; init; } =
        new Dictionary<string, double> { ["cifar10"] = 0.05, ["fashion-mnist"] = 0.1 };

    /// <summary>ε multipliers run for <see cref="SweepAttacks"/> on the baseline (1 is always there): success must rise.</summary>
    public IReadOnlyList<double> EpsilonScales { get; init; } = [0.5, 2];

    /// <summary>Attacks run with doubled iterations on the baseline: the result must change little.</summary>
    public IReadOnlyList<string> SweepAttacks { get; init; } = ["pgd"];

    /// <summary>Plan white-box cells (the attack straight on each defense; the vanilla backbone is the canary).</summary>
    public bool WhiteBox { get; init; } = true;

    /// <summary>Plan random-noise cells for every defense.</summary>
    public bool Noise { get; init; } = true;

    /// <summary>Doubling iterations may move success by at most this much.</summary>
    public double IterationTolerance { get; init; } = 0.05;

    /// <summary>A white-box attack on the undefended canary must succeed at least this often.</summary>
    public double CanaryMinimumSuccess { get; init; } = 0.9;
}
