namespace Robustness.Attacks.WhiteBox;

/// <summary>One ε of a white-box sweep: accuracy under attack and attack success on the attacked model.</summary>
/// <param name="Epsilon">The goal's ε (null for the unbounded C&amp;W and EAD).</param>
/// <param name="RobustAccuracy">Fraction of all points still classified correctly after the attack (clean errors count as errors).</param>
/// <param name="SuccessRate">Untargeted: fooled fraction of the clean-correct points. Targeted: fraction of all points that reach their target.</param>
/// <param name="MeanL2">Mean L2 distortion of the successful examples (NaN when none).</param>
public sealed record WhiteBoxRow(
    string Attack, string Norm, double? Epsilon, bool Targeted, int Points, double CleanAccuracy,
    double RobustAccuracy, double SuccessRate, double MeanL2, double MeanLinf, double MeanIterations,
    double Seconds, double ImagesPerSecond, long Seed);
