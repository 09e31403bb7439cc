using Robustness.Pruning.Training;

namespace Robustness.Pruning.Slr;

/// <summary>
/// The SLR multiplier rule. When the surrogate optimality condition holds (the surrogate Lagrangian decreased):
/// α_k = 1 − 1/(M·k^(1 − 1/k^r)), s ← α_k·s·‖W_prev − Z_prev‖/‖W − Z‖, Λ ← Λ + s·(W − Z), where "prev" is the
/// residual at the previous fired update (initially ‖W₀ − Z₀‖). When it does not hold nothing changes.
/// A zero residual (constraint met exactly) leaves Λ and s unchanged; a zero previous residual counts as ratio 1.
/// </summary>
public sealed class SurrogateMultiplierUpdate(SlrOptions options, double initialResidualNorm)
{
    public double StepSize { get; private set; } = options.InitialStepSize;
    public double PreviousResidualNorm { get; private set; } = initialResidualNorm;

    public static double Alpha(int k, double m, double r)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "the SLR iteration k starts at 1");
        return 1 - 1 / (m * Math.Pow(k, 1 - 1 / Math.Pow(k, r)));
    }

    public MultiplierUpdate Apply(int k, bool conditionHeld, SplitVariables split)
    {
        var alpha = Alpha(k, options.M, options.R);
        var norm = split.ResidualNorm();
        if (!conditionHeld || norm <= 0)
            return new MultiplierUpdate(k, conditionHeld, alpha, StepSize, norm);
        StepSize = alpha * StepSize * (PreviousResidualNorm > 0 ? PreviousResidualNorm / norm : 1);
        PreviousResidualNorm = norm;
        split.StepMultipliers(StepSize);
        return new MultiplierUpdate(k, true, alpha, StepSize, norm);
    }
}
