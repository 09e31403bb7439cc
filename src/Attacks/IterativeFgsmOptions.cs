namespace Robustness.Attacks;

/// <summary>Kurakin et al. 2017 — basic iterative method (I-FGSM), with the shared iterative-step defaults.</summary>
public sealed record IterativeFgsmOptions : IterativeStepOptions;
