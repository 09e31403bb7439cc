using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// What every attack repeats: input validation, batching, evaluation mode, the loss sign from the goal,
/// projection to the ε-ball, clipping to [0,1], the seeded generator, dispose scopes, per-example metrics and a
/// final ε check that throws. The default <see cref="Attack"/> is the projected-gradient loop
/// (<see cref="Start"/>, <see cref="Step"/>, with restarts); C&amp;W and EAD replace it with their optimisers.
/// </summary>
public abstract class IterativeAttack : IAttack
{
    /// <summary>Relative slack of the final ε check (float32 rounding of the L2 projection).</summary>
    public const double EpsilonTolerance = 1e-5;

    protected IterativeAttack(int steps, int batchSize, AttackLoss loss = AttackLoss.CrossEntropy, int restarts = 1)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"{GetType().Name}: steps must be >= 1");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"{GetType().Name}: batchSize must be >= 1");
        if (restarts < 1) throw new ArgumentOutOfRangeException(nameof(restarts), restarts, $"{GetType().Name}: restarts must be >= 1");
        Steps = steps;
        BatchSize = batchSize;
        Loss = loss;
        Restarts = restarts;
    }

    public abstract string Id { get; }
    public int Steps { get; }
    public int BatchSize { get; }
    public AttackLoss Loss { get; }
    public int Restarts { get; }

    /// <summary>True when the result must lie in the goal's ε-ball (false for C&amp;W and EAD).</summary>
    public virtual bool Bounded => true;

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
            var (adversarial, iterations) = Attack(batch);
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
    /// Attacks one batch: adversarial images and the iterations each example used. Runs inside the batch's
    /// dispose scope; the default is the projected-gradient loop with restarts, keeping for every example the
    /// first restart that succeeds.
    /// </summary>
    protected virtual (Tensor Adversarial, Tensor Iterations) Attack(AttackBatch batch)
    {
        var best = batch.Images.clone();
        var iterations = zeros(batch.Count, dtype: int64, device: batch.Images.device);
        var done = zeros(batch.Count, dtype: ScalarType.Bool, device: batch.Images.device);
        for (var restart = 0; restart < Restarts; restart++)
        {
            using var restartScope = NewDisposeScope();
            var x = Descend(batch);
            var success = batch.Succeeds(x);
            var open = done.logical_not();
            best.copy_(where(Distortion.PerExample(open), x, best));
            iterations.add_(open.to(int64) * Steps);
            done.logical_or_(success);
            if (done.all().item<bool>()) break;
        }
        return (best, iterations);
    }

    /// <summary>One run of the update rule from <see cref="Start"/>: Steps iterations of step, project, clip.</summary>
    protected Tensor Descend(AttackBatch batch)
    {
        using var scope = NewDisposeScope();
        using var state = new IterationState();
        var x = Clip(Project(batch, Start(batch)));
        for (var i = 0; i < Steps; i++)
        {
            using var step = NewDisposeScope();
            state.Iteration = i;
            var gradient = batch.AscentGradient(x, Loss);
            var next = Clip(Project(batch, Step(batch, x, gradient, state))).MoveToOuterDisposeScope();
            x.Dispose();
            x = next;
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>The first iterate (before projection and clipping); the clean images by default.</summary>
    protected virtual Tensor Start(AttackBatch batch) => batch.Images.alias();

    /// <summary>The update rule: the next iterate from the ascent gradient (projection and clipping follow).</summary>
    protected virtual Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        throw new NotSupportedException($"{GetType().Name} overrides Attack and has no step rule.");

    protected static Tensor Project(AttackBatch batch, Tensor x) =>
        Distortion.ProjectToBall(x, batch.Images, batch.Epsilon, batch.Norm);

    protected static Tensor Clip(Tensor x) => x.clamp(0, 1);

    /// <summary>A uniform random point of the ε-ball around the images (L∞: a box; L2: uniform in volume).</summary>
    protected static Tensor RandomInBall(AttackBatch batch)
    {
        if (batch.Norm == NormKind.Linf) return batch.Images + batch.Uniform(-batch.Epsilon, batch.Epsilon);
        var direction = batch.Normal();
        direction /= Distortion.PerExample(Distortion.L2(direction).clamp_min(1e-12));
        var dimensions = (double)(batch.Images.numel() / batch.Count);
        var radius = batch.UniformPerExample().pow(1.0 / dimensions) * batch.Epsilon;
        return batch.Images + direction * Distortion.PerExample(radius);
    }

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
