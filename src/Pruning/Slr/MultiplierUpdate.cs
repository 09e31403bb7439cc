namespace Robustness.Pruning.Slr;

/// <summary>
/// One attempted SLR multiplier update: the step index k it was attempted at, whether the surrogate optimality
/// condition held, and whether the update fired (the condition held, or it was the first update).
/// </summary>
public sealed record MultiplierUpdate(int K, bool ConditionHeld, bool Fired, double Alpha, double StepSize, double ResidualNorm);
