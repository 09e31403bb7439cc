using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Fixed-budget gradient attacks (FGSM, I-FGSM, MIM, PGD): <see cref="Steps"/> iterations of step, project to the
/// goal's ε-ball, clip to [0,1], from <see cref="Start"/>, with restarts keeping for every example the first that
/// succeeds. The loss sign comes from the goal; a subclass gives only its update rule (<see cref="Step"/>) and,
/// optionally, its first iterate.
/// </summary>
public abstract class IterativeAttack : Attack
{
    protected IterativeAttack(int steps, int batchSize, AttackLoss loss = AttackLoss.CrossEntropy, int restarts = 1) : base(batchSize)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"{GetType().Name}: steps must be >= 1");
        if (restarts < 1) throw new ArgumentOutOfRangeException(nameof(restarts), restarts, $"{GetType().Name}: restarts must be >= 1");
        Steps = steps;
        Loss = loss;
        Restarts = restarts;
    }

    public int Steps { get; }
    public AttackLoss Loss { get; }
    public int Restarts { get; }

    public sealed override bool Bounded => true;

    /// <summary>The projected-gradient loop with restarts; an example keeps the first restart that succeeds.</summary>
    protected sealed override (Tensor Adversarial, Tensor Iterations) Perturb(AttackBatch batch)
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

    /// <summary>The first iterate (before projection and clipping); the clean images by default.</summary>
    protected virtual Tensor Start(AttackBatch batch) => batch.Images.alias();

    /// <summary>The update rule: the next iterate from the ascent gradient (projection and clipping follow).</summary>
    protected abstract Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state);

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

    /// <summary>One run of the update rule from <see cref="Start"/>: Steps iterations of step, project, clip.</summary>
    private Tensor Descend(AttackBatch batch)
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
}

/// <summary>
/// Per-batch state of a stateful update rule (MIM's accumulated gradient). Set it from inside
/// <see cref="IterativeAttack.Step"/>; the previous tensor is released.
/// </summary>
public sealed class IterationState : IDisposable
{
    private Tensor? velocity;

    /// <summary>Zero-based iteration the current step computes.</summary>
    public int Iteration { get; internal set; }

    public Tensor? Velocity
    {
        get => velocity;
        set
        {
            var previous = velocity;
            velocity = value?.MoveToOuterDisposeScope();
            if (previous is not null && !ReferenceEquals(previous, velocity)) previous.Dispose();
        }
    }

    public void Dispose() => velocity?.Dispose();
}
