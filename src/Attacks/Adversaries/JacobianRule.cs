namespace Robustness.Attacks.Adversaries;

/// <summary>Which surrogate output the Jacobian augmentation differentiates, and whether new points are clipped.</summary>
public enum JacobianRule
{
    /// <summary>
    /// x' = x + λ·sign(∂Z_ŷ(x)/∂x) on the surrogate's logit Z_ŷ, not clipped: what the evaluated code ran
    /// (cleverhans <c>jacobian_augmentation</c> over <c>jacobian_graph(model.get_logits(x))</c>).
    /// </summary>
    LogitSign,

    /// <summary>x' = clip(x + λ·sign(∂softmax(Z)_ŷ(x)/∂x), 0, 1): the softmax output F of Papernot et al.'s notation, kept in the image range.</summary>
    SoftmaxSignClipped,
}
