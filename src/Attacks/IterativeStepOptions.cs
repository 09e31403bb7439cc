namespace Robustness.Attacks;

/// <summary>
/// What the iterative gradient-sign attacks (I-FGSM, MIM, PGD) share: ε, step size and iteration count on the
/// paper protocol's defaults (ε 0.05, step 0.005, 10 iterations; Fashion-MNIST: ε 0.1, step 0.015). A goal with
/// another ε scales the step by ε / <see cref="Epsilon"/>.
/// </summary>
public abstract record IterativeStepOptions : IAttackOptions
{
    public double Epsilon { get; init; } = 0.05;
    public double StepSize { get; init; } = 0.005;
    public int Steps { get; init; } = 10;
    public AttackLoss Loss { get; init; } = AttackLoss.CrossEntropy;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => Epsilon;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale)
    {
        var e = AttackBudget.CheckEpsilon(epsilon ?? Epsilon);
        return this with { Epsilon = e, StepSize = StepSize * e / Epsilon, Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
    }

    /// <summary>
    /// The step size for a goal's ε: rescaled from <see cref="Epsilon"/> so that the paper's ratio of step to ε
    /// (and so the reach of Steps steps) holds for every ε of a sweep and for L2 balls.
    /// </summary>
    internal double StepFor(double goalEpsilon) =>
        Epsilon > 0 ? StepSize * goalEpsilon / Epsilon
            : throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "options Epsilon must be > 0");
}
