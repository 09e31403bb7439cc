using Robustness.Attacks;

namespace MyAttack;

/// <summary>Settings of the attack; the defaults live here, once. A profile's "attacks.my-attack-id" section overrides them.</summary>
public sealed record MyAttackOptions : IAttackOptions
{
    /// <summary>Default L∞ budget ([0,1] scale); a goal's ε overrides it.</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>Share of ε spent on the random sign step before the gradient step (Tramèr et al. 2018: α = ε/2).</summary>
    public double RandomStepFraction { get; init; } = 0.5;

    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => Epsilon;

    /// <summary>One gradient step: the iteration scale leaves it unchanged.</summary>
    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        epsilon is > 0 || epsilon is null ? this with { Epsilon = epsilon ?? Epsilon }
            : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive");
}
