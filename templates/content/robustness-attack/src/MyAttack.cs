using Robustness.Attacks;
using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace MyAttack;

/// <summary>
/// A starting point: R+FGSM (Tramèr et al. 2018), a random sign step of α = fraction·ε followed by one gradient-sign
/// step of ε − α. The base class owns batching, the loss sign of the goal, projection to the ε-ball, clipping to
/// [0,1], the seeded generator and the per-example metrics. Replace Start and Step with your update rule.
/// </summary>
public sealed class MyAttack(MyAttackOptions options) : IterativeAttack(steps: 1, options.BatchSize)
{
    public const string AttackId = "my-attack-id";

    public override string Id => AttackId;

    protected override Tensor Start(AttackBatch batch)
    {
        RequireLinf(batch);
        return batch.Images + options.RandomStepFraction * batch.Epsilon * batch.Normal().sign();
    }

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        x + (1 - options.RandomStepFraction) * batch.Epsilon * gradient.sign();

    private static void RequireLinf(AttackBatch batch)
    {
        if (batch.Norm != NormKind.Linf) throw new NotSupportedException($"{AttackId} attacks under the L∞ norm only, not {batch.Norm}.");
    }
}
