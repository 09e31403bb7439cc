namespace Robustness.Pruning;

public enum PruningMethod
{
    /// <summary>Surrogate Lagrangian Relaxation: conditional multiplier updates with the SLR step-size rule.</summary>
    Slr,
    /// <summary>ADMM: unconditional Z/U updates every few epochs, optionally growing ρ.</summary>
    Admm,
    /// <summary>One-shot magnitude pruning of the trained network.</summary>
    Magnitude,
}
