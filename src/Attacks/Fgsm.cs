using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Goodfellow et al. 2015 — fast gradient sign method; paper protocol ε 0.05 (CIFAR-10), 0.15 (Fashion-MNIST).</summary>
public sealed record FgsmOptions : IAttackOptions
{
    /// <summary>Default ε of the profile (L∞, [0,1] scale); a goal's ε overrides it.</summary>
    public double Epsilon { get; init; } = 0.05;
    public AttackLoss Loss { get; init; } = AttackLoss.CrossEntropy;
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => Epsilon;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        this with { Epsilon = AttackBudget.CheckEpsilon(epsilon ?? Epsilon) };
}

/// <summary>Goodfellow et al. 2015 — one step of size ε along the steepest-ascent direction of the norm.</summary>
public sealed class Fgsm(FgsmOptions options) : IterativeAttack(1, options.BatchSize, options.Loss)
{
    public FgsmOptions Options => options;
    public override string Id => AttackIds.Fgsm;

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        x + batch.Epsilon * Distortion.SteepestAscent(gradient, batch.Norm);
}
