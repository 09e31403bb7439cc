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
