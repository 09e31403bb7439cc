using Robustness.Pruning.Training;

namespace Robustness.Pruning.Slr;

/// <summary>
/// The SLR multiplier rule with its step index k (starts at 1). An update fires when the surrogate optimality
/// condition holds (the surrogate Lagrangian decreased), and the first one (k = 1) always fires, as in the authors'
/// code. A fired update sets α_k = 1 − 1/(M·k^(1 − 1/k^r)), s ← α_k·s·‖W_prev − Z_prev‖/‖W − Z‖,
/// Λ ← Λ + s·(W − Z) and advances k by one; so k counts multiplier updates (two per epoch when both half-steps
/// fire), not epochs. "prev" is the residual at the previous fired update (initially ‖W₀ − Z₀‖). An update that
/// does not fire changes nothing. A zero residual (constraint met exactly) leaves Λ, s and k unchanged; a zero
/// previous residual counts as ratio 1.
/// </summary>
public sealed class SurrogateMultiplierUpdate(SlrOptions options, double initialResidualNorm)
{
    public double StepSize { get; private set; } = options.InitialStepSize;
    public double PreviousResidualNorm { get; private set; } = initialResidualNorm;

    /// <summary>The step index the next fired update uses: 1 + the number of updates fired so far.</summary>
    public int K { get; private set; } = 1;

    public static double Alpha(int k, double m, double r)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "the SLR iteration k starts at 1");
        return 1 - 1 / (m * Math.Pow(k, 1 - 1 / Math.Pow(k, r)));
    }

    public MultiplierUpdate Apply(bool conditionHeld, SplitVariables split)
    {
        var k = K;
        var alpha = Alpha(k, options.M, options.R);
        var norm = split.ResidualNorm();
        if (!(conditionHeld || k == 1) || norm <= 0)
            return new MultiplierUpdate(k, conditionHeld, false, alpha, StepSize, norm);
        StepSize = alpha * StepSize * (PreviousResidualNorm > 0 ? PreviousResidualNorm / norm : 1);
        PreviousResidualNorm = norm;
        split.StepMultipliers(StepSize);
        K = k + 1;
        return new MultiplierUpdate(k, conditionHeld, true, alpha, StepSize, norm);
    }
}
