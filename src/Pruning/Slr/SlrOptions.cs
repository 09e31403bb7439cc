namespace Robustness.Pruning.Slr;

/// <summary>
/// Surrogate Lagrangian Relaxation settings (Gurevin et al.; Zhou et al., "SLR: a path to retrain-free DNN pruning").
/// </summary>
/// <param name="Rho">Penalty coefficient ρ of the augmented term (ρ/2)‖W − Z‖².</param>
/// <param name="InitialStepSize">s₀ of the multiplier updates.</param>
/// <param name="M">M &gt; 1 of α_k = 1 − 1/(M·k^(1 − 1/k^r)).</param>
/// <param name="R">r ∈ (0, 1) of the same rule.</param>
/// <param name="ConditionSamples">Training examples (first n) on which the loss in the surrogate optimality condition is measured.</param>
public sealed record SlrOptions(double Rho = 0.1, double InitialStepSize = 0.01, double M = 300, double R = 0.1, int ConditionSamples = 1024)
{
    public void Validate()
    {
        if (!(Rho > 0)) throw new ArgumentOutOfRangeException(nameof(Rho), Rho, "SLR rho must be > 0");
        if (!(InitialStepSize > 0)) throw new ArgumentOutOfRangeException(nameof(InitialStepSize), InitialStepSize, "SLR initialStepSize must be > 0");
        if (!(M > 1)) throw new ArgumentOutOfRangeException(nameof(M), M, "SLR M must be > 1");
        if (!(R is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(R), R, "SLR r must be in (0, 1)");
        if (ConditionSamples < 1) throw new ArgumentOutOfRangeException(nameof(ConditionSamples), ConditionSamples, "SLR conditionSamples must be >= 1");
    }
}
