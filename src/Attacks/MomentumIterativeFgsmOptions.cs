namespace Robustness.Attacks;

/// <summary>Dong et al. 2018 — momentum iterative FGSM, with the shared iterative-step defaults and decay μ 1.0.</summary>
public sealed record MomentumIterativeFgsmOptions : IterativeStepOptions
{
    /// <summary>Decay μ of the accumulated gradient.</summary>
    public double Decay { get; init; } = 1.0;
}
