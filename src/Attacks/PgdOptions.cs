namespace Robustness.Attacks;

/// <summary>Madry et al. 2018 — projected gradient descent with a random start in the ε-ball, one start by default.</summary>
public sealed record PgdOptions : IterativeStepOptions
{
    public bool RandomStart { get; init; } = true;

    /// <summary>Random restarts; an example keeps the first restart that fools the model.</summary>
    public int Restarts { get; init; } = 1;
}
