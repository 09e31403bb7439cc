namespace Robustness.Pruning;

/// <summary>
/// One epoch of the SLR or ADMM phase. SLR fills <see cref="K"/>, <see cref="StepSize"/>, <see cref="Alpha"/> and the
/// two surrogate-optimality verdicts; ADMM leaves them NaN/null and reports whether Z/U were updated.
/// </summary>
/// <param name="ResidualNorm">Σ over pruned layers of ‖W − Z‖ after the epoch.</param>
/// <param name="HardPrunedAccuracy">Accuracy of a copy hard-pruned to the sparsity set, on the evaluation data.</param>
public sealed record PruningEpochLog(
    int Epoch, int K, double StepSize, double Alpha, bool? WConditionHeld, bool? ZConditionHeld, bool ZUpdated,
    double Rho, double ResidualNorm, double TrainLoss, double HardPrunedAccuracy)
{
    public override string ToString() =>
        FormattableString.Invariant($"epoch {Epoch} k {K} s {StepSize:G4} α {Alpha:F5} W-cond {Verdict(WConditionHeld)} Z-cond {Verdict(ZConditionHeld)} ") +
        FormattableString.Invariant($"Z-upd {ZUpdated} ρ {Rho:G3} Σ‖W−Z‖ {ResidualNorm:F4} loss {TrainLoss:F4} hard-pruned acc {HardPrunedAccuracy:P2}");

    private static string Verdict(bool? held) => held switch { true => "held", false => "failed", null => "-" };
}
