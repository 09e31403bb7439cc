using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// What C&amp;W-L2 and EAD share, on the paper protocol's defaults (1000 iterations, rate 0.01, 9 binary-search
/// steps on c from 1e-3, confidence κ 0). The smoke and quick profiles (profiles.json, "attacks" section) start the
/// search at c = 1 with 3–5 binary steps: from 1e-3, a few steps never reach a c large enough and the attack barely
/// moves the image (a transfer table built on that would look like robustness); ProfileBudgetTests holds them to
/// ≥ 95 % white-box success.
/// </summary>
public abstract record MinimizationOptions : IAttackOptions
{
    /// <summary>Iterations of one descent (at one c).</summary>
    public int Steps { get; init; } = 1000;
    public double LearningRate { get; init; } = 0.01;
    public int BinarySearchSteps { get; init; } = 9;
    public double InitialConstant { get; init; } = 1e-3;
    /// <summary>Confidence κ: the logit margin the goal must be met by.</summary>
    public double Confidence { get; init; }
    /// <summary>Stop an example's descent when its objective fell by less than 0.01 % over Steps/10 iterations.</summary>
    public abstract bool AbortEarly { get; init; }
    public int BatchSize { get; init; } = 128;

    public double? BoundedEpsilon() => null;

    public IAttackOptions Rescaled(double? epsilon, double iterationScale) =>
        this with { Steps = AttackBudget.ScaleIterations(Steps, iterationScale) };
}

/// <summary>
/// Minimisation attacks (C&amp;W-L2, EAD): the smallest perturbation that meets the goal with confidence κ, found by
/// minimising distance + c·f for a per-example trade-off constant c. The skeleton Carlini and Wagner's and Chen et
/// al.'s reference code share lives here: a binary search over c (<see cref="ConstantSearch"/>), for each c one
/// descent of <see cref="Steps"/> iterations from the clean images, the best-so-far success by the attack's
/// distance over every iterate of every c, and the optional early abort of an example whose objective stalls.
/// A subclass gives only its descent (<see cref="Begin"/>). Unbounded: the goal's ε is ignored; an example never
/// fooled returns its clean image.
/// </summary>
public abstract class MinimizationAttack : Attack
{
    /// <summary>Early abort: the objective must fall below this fraction of its value one check earlier.</summary>
    private const double StallFactor = 0.9999;

    private readonly MinimizationOptions options;

    protected MinimizationAttack(MinimizationOptions options) : base(options.BatchSize)
    {
        if (options.Steps < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Steps, $"{GetType().Name}: steps must be >= 1");
        this.options = options;
    }

    /// <summary>Iterations of one descent (at one c).</summary>
    public int Steps => options.Steps;

    public sealed override bool Bounded => false;

    protected sealed override (Tensor Adversarial, Tensor Iterations) Perturb(AttackBatch batch)
    {
        var device = batch.Images.device;
        var best = batch.Images.clone();
        var bestDistance = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: device);
        var iterations = zeros(batch.Count, dtype: int64, device: device);
        using var search = new ConstantSearch(batch.Count, options.InitialConstant, device);
        for (var b = 0; b < options.BinarySearchSteps; b++)
        {
            using var binaryScope = NewDisposeScope();
            var succeeded = Minimise(batch, Begin(batch, search.Constant), best, bestDistance, iterations);
            search.Update(succeeded);
        }
        return (best, iterations);
    }

    /// <summary>A descent at the constants c [N], from the clean images; its tensors live in the caller's scope.</summary>
    protected abstract Descent Begin(AttackBatch batch, Tensor constant);

    /// <summary>One optimisation at fixed c: the attack's iterate and optimiser state.</summary>
    protected abstract class Descent
    {
        /// <summary>
        /// Iteration <paramref name="iteration"/> (zero-based): moves only the <paramref name="active"/> examples and
        /// returns the point it judges, detached.
        /// </summary>
        public abstract Iterate Step(int iteration, Tensor active);
    }

    /// <summary>
    /// A point the descent judges: the candidate x′ [N,C,H,W], the model's logits on it, its distance to the clean
    /// images by the attack's decision rule (smaller is kept) and the objective the early abort watches, each [N].
    /// </summary>
    protected readonly record struct Iterate(Tensor Candidate, Tensor Logits, Tensor Distance, Tensor Objective);

    /// <summary>One descent; updates best/bestDistance/iterations in place; returns which examples met the goal.</summary>
    private Tensor Minimise(AttackBatch batch, Descent descent, Tensor best, Tensor bestDistance, Tensor iterations)
    {
        var device = batch.Images.device;
        var active = ones(batch.Count, dtype: ScalarType.Bool, device: device);
        var succeeded = zeros_like(active);
        var previous = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: device);
        var checkEvery = Math.Max(1, Steps / 10);
        for (var i = 0; i < Steps; i++)
        {
            using var step = NewDisposeScope();
            var point = descent.Step(i, active);
            var meets = Objectives.MeetsGoal(point.Logits, batch.GoalLabels, batch.Targeted, options.Confidence).logical_and(active);
            var improved = meets.logical_and(point.Distance.lt(bestDistance));
            bestDistance.copy_(where(improved, point.Distance, bestDistance));
            best.copy_(where(Distortion.PerExample(improved), point.Candidate, best));
            succeeded.logical_or_(meets);
            iterations.add_(active.to(int64));
            if (options.AbortEarly && (i + 1) % checkEvery == 0)
            {
                active.logical_and_(point.Objective.le(previous * StallFactor));
                previous.copy_(where(active, point.Objective, previous));
                if (!active.any().item<bool>()) break;
            }
        }
        return succeeded.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Carlini–Wagner's per-example binary search over c: after a success the upper bound drops to c and c
    /// bisects; after a failure the lower bound rises to c and c bisects, or grows tenfold while no success has
    /// bounded it from above (the upper bound still at its sentinel).
    /// </summary>
    private sealed class ConstantSearch : IDisposable
    {
        private const double Unbounded = 1e10;
        private readonly Tensor lower;
        private readonly Tensor upper;

        public ConstantSearch(long count, double initial, Device device)
        {
            if (!(initial > 0)) throw new ArgumentOutOfRangeException(nameof(initial), initial, "InitialConstant must be > 0");
            Constant = full(count, initial, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
            lower = zeros(count, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
            upper = full(count, Unbounded, dtype: ScalarType.Float32, device: device).DetachFromDisposeScope();
        }

        /// <summary>c per example [N].</summary>
        public Tensor Constant { get; }

        public void Update(Tensor succeeded)
        {
            using var scope = NewDisposeScope();
            upper.copy_(where(succeeded, minimum(upper, Constant), upper));
            lower.copy_(where(succeeded, lower, maximum(lower, Constant)));
            var bounded = upper.lt(Unbounded / 10);
            var next = where(bounded, (lower + upper) / 2, Constant * 10);
            Constant.copy_(next);
        }

        public void Dispose()
        {
            Constant.Dispose();
            lower.Dispose();
            upper.Dispose();
        }
    }
}
