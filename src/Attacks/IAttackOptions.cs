namespace Robustness.Attacks;

/// <summary>What the factory needs of every attack's option record to apply a profile's ε and budget changes.</summary>
public interface IAttackOptions
{
    /// <summary>The default ε of a bounded attack (the goal's ε when none is given); null for C&amp;W and EAD.</summary>
    double? BoundedEpsilon();

    /// <summary>
    /// These options for another ε (the step size scales with it, keeping the paper's step/ε ratio) and with the
    /// iteration count multiplied by <paramref name="iterationScale"/> (C&amp;W/EAD: the inner iterations).
    /// </summary>
    IAttackOptions Rescaled(double? epsilon, double iterationScale);
}

/// <summary>The checks every options record's <see cref="IAttackOptions.Rescaled"/> applies.</summary>
internal static class AttackBudget
{
    public static int ScaleIterations(int steps, double scale) =>
        scale > 0 && double.IsFinite(scale) ? Math.Max(1, (int)Math.Round(steps * scale))
            : throw new ArgumentOutOfRangeException(nameof(scale), scale, "iteration scale must be a positive finite number");

    public static double CheckEpsilon(double epsilon) =>
        epsilon > 0 && double.IsFinite(epsilon) ? epsilon
            : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be a positive finite number");
}
