using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// What every attack repeats: input validation, evaluation mode, batching, dispose scopes, clipping the result to
/// [0,1], the success test, per-example metrics and, for attacks bounded by the goal's ε, a final ε check that
/// throws. Two kinds build on it (as in Foolbox): <see cref="IterativeAttack"/>, a fixed number of gradient steps
/// inside the ε-ball (FGSM, I-FGSM, MIM, PGD), and <see cref="MinimizationAttack"/>, the smallest perturbation
/// found by a search over the trade-off constant c (C&amp;W-L2, EAD).
/// </summary>
public abstract class Attack : IAttack
{
    /// <summary>Relative slack of the final ε check (float32 rounding of the L2 projection).</summary>
    public const double EpsilonTolerance = 1e-5;

    protected Attack(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"{GetType().Name}: batchSize must be >= 1");
        BatchSize = batchSize;
    }

    public abstract string Id { get; }
    public int BatchSize { get; }

    /// <summary>True when the result must lie in the goal's ε-ball (false for C&amp;W and EAD).</summary>
    public abstract bool Bounded { get; }

    public AttackResult Run(IClassifier model, Tensor images, Tensor labels, AttackGoal goal, Generator generator)
    {
        AttackInputs.Validate(Id, Bounded, model, images, labels, goal);
        if (model is ModuleClassifier module) module.Module.eval();
        var targets = goal.Targeted ? goal.Targets!.to(labels.device) : null;
        using var scope = NewDisposeScope();
        var parts = new List<(Tensor Adversarial, Tensor Success, Tensor Iterations)>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += BatchSize)
        {
            using var batchScope = NewDisposeScope();
            var length = Math.Min(BatchSize, count - start);
            var batch = new AttackBatch(model, images.narrow(0, start, length), labels.narrow(0, start, length),
                targets?.narrow(0, start, length), goal, generator);
            var (adversarial, iterations) = Perturb(batch);
            adversarial = adversarial.detach().clamp(0, 1);
            var success = batch.Succeeds(adversarial);
            parts.Add((adversarial.MoveToOuterDisposeScope(), success.MoveToOuterDisposeScope(), iterations.to(int64).MoveToOuterDisposeScope()));
        }
        var x = cat(parts.Select(p => p.Adversarial).ToList(), 0);
        var delta = x - images;
        if (Bounded) EnsureWithinBall(delta, goal);
        return new AttackResult(
            x.MoveToOuterDisposeScope(),
            cat(parts.Select(p => p.Success).ToList(), 0).MoveToOuterDisposeScope(),
            Distortion.L0(delta).MoveToOuterDisposeScope(),
            Distortion.L1(delta).MoveToOuterDisposeScope(),
            Distortion.L2(delta).MoveToOuterDisposeScope(),
            Distortion.Linf(delta).MoveToOuterDisposeScope(),
            cat(parts.Select(p => p.Iterations).ToList(), 0).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Attacks one batch: adversarial images (clipped to [0,1] afterwards) and the iterations each example used.
    /// Runs inside the batch's dispose scope.
    /// </summary>
    protected abstract (Tensor Adversarial, Tensor Iterations) Perturb(AttackBatch batch);

    private void EnsureWithinBall(Tensor delta, AttackGoal goal)
    {
        using var scope = NewDisposeScope();
        var worst = Distortion.Norm(delta, goal.Norm).max().item<float>();
        var limit = goal.Epsilon * (1 + EpsilonTolerance) + 1e-7;
        if (worst > limit)
            throw new InvalidOperationException(
                $"Attack '{Id}' left the {goal.Norm} ball: perturbation norm {worst:G9} exceeds ε = {goal.Epsilon:G9}.");
    }
}
