namespace Robustness.Attacks.Adversaries;

/// <summary>Sign of the Jacobian augmentation step λ_ρ at augmentation ρ (0-based).</summary>
public enum LambdaSchedule
{
    /// <summary>
    /// Papernot et al. 2017 §6 periodic step: λ_ρ = λ·(−1)^(⌊ρ/τ⌋+1). With τ = 3 the first three augmentations step
    /// with −λ (towards the oracle label's decision boundary) as in the reference code the paper used
    /// ("λ = 0.1 applied as −0.1"); later ones alternate sign every τ augmentations.
    /// </summary>
    Periodic,

    /// <summary>λ_ρ = +λ always (the rule x' = x + λ·sign(∂F_ŷ/∂x) taken literally).</summary>
    Constant,
}
