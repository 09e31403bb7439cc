namespace Robustness.Attacks;

/// <summary>The objective the gradient-sign attacks ascend.</summary>
public enum AttackLoss
{
    /// <summary>Cross-entropy of the true label (untargeted, ascended) or of the target (targeted, descended).</summary>
    CrossEntropy,

    /// <summary>Carlini–Wagner logit margin: max other logit minus the label's logit (sign set by the goal).</summary>
    Margin,
}
