namespace Robustness.Attacks;

/// <summary>
/// Carlini &amp; Wagner 2017 — L2 attack; paper protocol: 1000 iterations, Adam lr 0.01, 9 binary-search steps on
/// c from 1e-3, confidence κ 0.
/// </summary>
public sealed record CarliniWagnerL2Options : IAttackOptions
{
    public int Steps { get; init; } = 1000;
    public double LearningRate { get; init; } = 0.01;
    public int BinarySearchSteps { get; init; } = 9;
    public double InitialConstant { get; init; } = 1e-3;
    /// <summary>Confidence κ: the logit margin the goal must be met by.</summary>
    public double Confidence { get; init; }
    /// <summary>Stop an example's optimisation when its loss fell by less than 0.01 % over Steps/10 iterations.</summary>
    public bool AbortEarly { get; init; } = true;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => null;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        this with { Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
}
