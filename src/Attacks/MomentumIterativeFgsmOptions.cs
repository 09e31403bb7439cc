namespace Robustness.Attacks;

/// <summary>
/// Dong et al. 2018 — momentum iterative FGSM; paper protocol ε 0.05, step 0.005, 10 iterations, decay μ 1.0
/// (Fashion-MNIST: ε 0.1, step 0.015).
/// </summary>
public sealed record MomentumIterativeFgsmOptions : IAttackOptions
{
    public double Epsilon { get; init; } = 0.05;
    public double StepSize { get; init; } = 0.005;
    public int Steps { get; init; } = 10;
    /// <summary>Decay μ of the accumulated gradient.</summary>
    public double Decay { get; init; } = 1.0;
    public AttackLoss Loss { get; init; } = AttackLoss.CrossEntropy;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => Epsilon;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale)
    {
        var e = AttackBudget.CheckEpsilon(epsilon ?? Epsilon);
        return this with { Epsilon = e, StepSize = StepSize * e / Epsilon, Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
    }
}
