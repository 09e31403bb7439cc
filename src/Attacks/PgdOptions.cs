namespace Robustness.Attacks;

/// <summary>
/// Madry et al. 2018 — projected gradient descent with a random start in the ε-ball; paper protocol ε 0.05,
/// step 0.005, 10 iterations (Fashion-MNIST: ε 0.1, step 0.015), one start.
/// </summary>
public sealed record PgdOptions : IAttackOptions
{
    public double Epsilon { get; init; } = 0.05;
    public double StepSize { get; init; } = 0.005;
    public int Steps { get; init; } = 10;
    public bool RandomStart { get; init; } = true;
    /// <summary>Random restarts; an example keeps the first restart that fools the model.</summary>
    public int Restarts { get; init; } = 1;
    public AttackLoss Loss { get; init; } = AttackLoss.CrossEntropy;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => Epsilon;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale)
    {
        var e = AttackBudget.CheckEpsilon(epsilon ?? Epsilon);
        return this with { Epsilon = e, StepSize = StepSize * e / Epsilon, Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
    }
}
