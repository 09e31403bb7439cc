namespace Robustness.Pruning.Slr;

/// <summary>One attempted SLR multiplier update: whether the surrogate optimality condition held (and so it fired).</summary>
public sealed record MultiplierUpdate(int K, bool ConditionHeld, double Alpha, double StepSize, double ResidualNorm);
