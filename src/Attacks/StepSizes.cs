namespace Robustness.Attacks;

internal static class StepSizes
{
    /// <summary>
    /// The options' step size for the options' ε, rescaled to the goal's ε so that the paper's ratio of step to
    /// ε (and so the reach of Steps steps) holds for every ε of a sweep and for L2 balls.
    /// </summary>
    public static double Scaled(double stepSize, double optionsEpsilon, double goalEpsilon) =>
        optionsEpsilon > 0 ? stepSize * goalEpsilon / optionsEpsilon
            : throw new ArgumentOutOfRangeException(nameof(optionsEpsilon), optionsEpsilon, "options Epsilon must be > 0");
}
