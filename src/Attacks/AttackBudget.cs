namespace Robustness.Attacks;

internal static class AttackBudget
{
    public static int ScaleIterations(int steps, double scale) =>
        scale > 0 && double.IsFinite(scale) ? Math.Max(1, (int)Math.Round(steps * scale))
            : throw new ArgumentOutOfRangeException(nameof(scale), scale, "iteration scale must be a positive finite number");

    public static double CheckEpsilon(double epsilon) =>
        epsilon > 0 && double.IsFinite(epsilon) ? epsilon
            : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be a positive finite number");
}
