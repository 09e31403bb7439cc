using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>
/// The attacks through their bases (<see cref="MinimizationAttack"/>, <see cref="IterativeAttack"/>) against each
/// paper's algorithm written out as one plain loop here, with the same tensor operations in the same order: the
/// adversarial images, iterations and distortions must be bit-identical. C&amp;W-L2 and EAD: binary search over c
/// with the 1e10 sentinel and the ×10 rule, best-so-far by the attack's distance, early abort, batching. PGD and
/// MIM: random start in the ε-ball drawn from the seeded generator, restarts keeping the first success, projection
/// and clipping, momentum. The loops are the code before the bases were split by kind (commit 5a2333e) unrolled;
/// they pass against that commit and against the split bases.
/// </summary>
public sealed class ReferenceLoopTests
{
    private const double Beta1 = 0.9, Beta2 = 0.999, AdamEpsilon = 1e-8, Unbounded = 1e10, AbortFactor = 0.9999;

    public static IEnumerable<TestCaseData> CarliniWagnerCases()
    {
        var quick = new CarliniWagnerL2Options { Steps = 30, BinarySearchSteps = 4, InitialConstant = 0.01, LearningRate = 0.05, BatchSize = 7 };
        yield return new TestCaseData(quick).SetArgDisplayNames("abort-early, c from 0.01");
        yield return new TestCaseData(quick with { AbortEarly = false, Confidence = 0.5, InitialConstant = 1, Steps = 20 }).SetArgDisplayNames("every iteration, κ 0.5");
    }

    public static IEnumerable<TestCaseData> ElasticNetCases()
    {
        var paper = new ElasticNetAttackOptions { Steps = 30, BinarySearchSteps = 4, InitialConstant = 0.01, LearningRate = 0.05, BatchSize = 7 };
        yield return new TestCaseData(paper).SetArgDisplayNames("FISTA, EN rule, every iteration");
        yield return new TestCaseData(paper with { AbortEarly = true, DecisionRule = EadDecisionRule.L1, Fista = false, Beta = 0.05, InitialConstant = 1 })
            .SetArgDisplayNames("ISTA, L1 rule, abort-early");
        yield return new TestCaseData(paper with { AbortEarly = true, Confidence = 0.3, InitialConstant = 0.1, Steps = 25, BatchSize = 20 })
            .SetArgDisplayNames("FISTA, EN rule, abort-early, κ 0.3");
    }

    [TestCaseSource(nameof(CarliniWagnerCases))]
    public void Run_CarliniWagnerL2_BitIdenticalToPlainLoop(CarliniWagnerL2Options options)
    {
        foreach (var (name, model, images, labels, goal) in Problems())
            AssertSame(name, new CarliniWagnerL2(options).Run(model, images, labels, goal, new Generator(17)), images,
                CarliniWagnerL2Loop(model, images, GoalLabels(labels, goal), goal.Targeted, options));
    }

    [TestCaseSource(nameof(ElasticNetCases))]
    public void Run_ElasticNetAttack_BitIdenticalToPlainLoop(ElasticNetAttackOptions options)
    {
        foreach (var (name, model, images, labels, goal) in Problems())
            AssertSame(name, new ElasticNetAttack(options).Run(model, images, labels, goal, new Generator(17)), images,
                ElasticNetLoop(model, images, GoalLabels(labels, goal), goal.Targeted, options));
    }

    /// <summary>The trained CNN (untargeted and targeted; 20 points in batches of 7) and the linear problem.</summary>
    private static IEnumerable<(string Name, IClassifier Model, Tensor Images, Tensor Labels, AttackGoal Goal)> Problems()
    {
        var images = TrainedCnn.Test.Images.narrow(0, 0, 20);
        var labels = TrainedCnn.Test.Labels.narrow(0, 0, 20);
        yield return ("cnn untargeted", TrainedCnn.Model, images, labels, AttackGoal.Untargeted(0));
        using var targets = (labels + 3).remainder(10);
        yield return ("cnn targeted", TrainedCnn.Model, images, labels, AttackGoal.TargetedAt(targets, 0));
        using var problem = LinearProblem.Create(12, seed: 5);
        yield return ("linear untargeted", problem, problem.Images, problem.Labels, AttackGoal.Untargeted(0));
    }

    private static Tensor GoalLabels(Tensor labels, AttackGoal goal) => goal.Targeted ? goal.Targets! : labels;

    private static void AssertSame(string problem, AttackResult result, Tensor images, (Tensor Adversarial, Tensor Iterations) reference)
    {
        using var scope = NewDisposeScope();
        using var _ = result;
        var delta = reference.Adversarial - images;
        Assert.Multiple(() =>
        {
            Assert.That(result.Adversarial.equal(reference.Adversarial).all().item<bool>(), Is.True, $"{problem}: adversarial images");
            Assert.That(result.Iterations.equal(reference.Iterations).all().item<bool>(), Is.True, $"{problem}: iterations");
            Assert.That(result.L1.equal(Distortion.L1(delta)).all().item<bool>(), Is.True, $"{problem}: L1");
            Assert.That(result.L2.equal(Distortion.L2(delta)).all().item<bool>(), Is.True, $"{problem}: L2");
            Assert.That(result.Iterations.sum().item<long>(), Is.GreaterThan(0L), $"{problem}: the attack ran");
        });
        reference.Adversarial.Dispose();
        reference.Iterations.Dispose();
    }

    /// <summary>Carlini–Wagner's per-example update of c: bisect once bounded above by a success, else ×10.</summary>
    private static void UpdateConstant(Tensor constant, Tensor lower, Tensor upper, Tensor succeeded)
    {
        upper.copy_(where(succeeded, minimum(upper, constant), upper));
        lower.copy_(where(succeeded, lower, maximum(lower, constant)));
        constant.copy_(where(upper.lt(Unbounded / 10), (lower + upper) / 2, constant * 10));
    }

    private static (Tensor Adversarial, Tensor Iterations) CarliniWagnerL2Loop(
        IClassifier model, Tensor images, Tensor goalLabels, bool targeted, CarliniWagnerL2Options o)
    {
        using var scope = NewDisposeScope();
        var (adversarial, iterationCounts) = (new List<Tensor>(), new List<Tensor>());
        for (long start = 0; start < images.shape[0]; start += o.BatchSize)
        {
            var n = Math.Min(o.BatchSize, images.shape[0] - start);
            var (x0, goal) = (images.narrow(0, start, n), goalLabels.narrow(0, start, n));
            var best = x0.clone();
            var bestL2 = full(n, double.PositiveInfinity, dtype: ScalarType.Float32);
            var iterations = zeros(n, dtype: int64);
            var (constant, lower, upper) = (full(n, o.InitialConstant, dtype: ScalarType.Float32), zeros(n, dtype: ScalarType.Float32), full(n, Unbounded, dtype: ScalarType.Float32));
            var w0 = ((x0 * 2 - 1) * (1 - 1e-6)).atanh();
            for (var b = 0; b < o.BinarySearchSteps; b++)
            {
                var (w, m, v) = (w0.clone(), zeros_like(w0), zeros_like(w0));
                var active = ones(n, dtype: ScalarType.Bool);
                var succeeded = zeros_like(active);
                var previous = full(n, double.PositiveInfinity, dtype: ScalarType.Float32);
                for (var i = 0; i < o.Steps; i++)
                {
                    Tensor gradient, loss, x, logits, l2Squared;
                    using (enable_grad())
                    {
                        var wg = w.detach().requires_grad_(true);
                        x = (wg.tanh() + 1) / 2;
                        logits = model.Logits(x);
                        l2Squared = Distortion.SquaredL2(x - x0);
                        loss = l2Squared + constant * Objectives.CarliniWagner(logits, goal, targeted, o.Confidence);
                        gradient = autograd.grad([loss.sum()], [wg])[0].detach();
                    }
                    (loss, x, logits, l2Squared) = (loss.detach(), x.detach(), logits.detach(), l2Squared.detach());
                    var meets = Objectives.MeetsGoal(logits, goal, targeted, o.Confidence).logical_and(active);
                    var l2 = l2Squared.sqrt();
                    var improved = meets.logical_and(l2.lt(bestL2));
                    bestL2.copy_(where(improved, l2, bestL2));
                    best.copy_(where(improved.view(-1, 1, 1, 1), x, best));
                    succeeded.logical_or_(meets);
                    var t = i + 1;
                    m.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
                    v.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
                    var update = m / (1 - Math.Pow(Beta1, t)) / ((v / (1 - Math.Pow(Beta2, t))).sqrt() + AdamEpsilon);
                    w.copy_(where(active.view(-1, 1, 1, 1), w - o.LearningRate * update, w));
                    iterations.add_(active.to(int64));
                    if (o.AbortEarly && t % Math.Max(1, o.Steps / 10) == 0)
                    {
                        active.logical_and_(loss.le(previous * AbortFactor));
                        previous.copy_(where(active, loss, previous));
                        if (!active.any().item<bool>()) break;
                    }
                }
                UpdateConstant(constant, lower, upper, succeeded);
            }
            adversarial.Add(best.clamp(0, 1));
            iterationCounts.Add(iterations);
        }
        return (cat(adversarial, 0).MoveToOuterDisposeScope(), cat(iterationCounts, 0).MoveToOuterDisposeScope());
    }

    private static (Tensor Adversarial, Tensor Iterations) ElasticNetLoop(
        IClassifier model, Tensor images, Tensor goalLabels, bool targeted, ElasticNetAttackOptions o)
    {
        using var scope = NewDisposeScope();
        var (adversarial, iterationCounts) = (new List<Tensor>(), new List<Tensor>());
        for (long start = 0; start < images.shape[0]; start += o.BatchSize)
        {
            var n = Math.Min(o.BatchSize, images.shape[0] - start);
            var (x0, goal) = (images.narrow(0, start, n), goalLabels.narrow(0, start, n));
            var best = x0.clone();
            var bestDistance = full(n, double.PositiveInfinity, dtype: ScalarType.Float32);
            var iterations = zeros(n, dtype: int64);
            var (constant, lower, upper) = (full(n, o.InitialConstant, dtype: ScalarType.Float32), zeros(n, dtype: ScalarType.Float32), full(n, Unbounded, dtype: ScalarType.Float32));
            for (var b = 0; b < o.BinarySearchSteps; b++)
            {
                var (x, y) = (x0.clone(), x0.clone());
                var active = ones(n, dtype: ScalarType.Bool);
                var succeeded = zeros_like(active);
                var previous = full(n, double.PositiveInfinity, dtype: ScalarType.Float32);
                for (var k = 0; k < o.Steps; k++)
                {
                    var rate = o.LearningRate * Math.Sqrt(1.0 - (double)k / o.Steps);
                    Tensor gradient;
                    using (enable_grad())
                    {
                        var yg = y.detach().requires_grad_(true);
                        var smooth = constant * Objectives.CarliniWagner(model.Logits(yg), goal, targeted, o.Confidence) + Distortion.SquaredL2(yg - x0);
                        gradient = autograd.grad([smooth.sum()], [yg])[0].detach();
                    }
                    // Projected shrinkage S_β of the gradient step around x₀, onto [0,1].
                    var z = y - rate * gradient;
                    var d = z - x0;
                    var next = where(d.gt(o.Beta), (z - o.Beta).clamp_max(1.0), where(d.lt(-o.Beta), (z + o.Beta).clamp_min(0.0), x0));
                    var slack = o.Fista ? next + (double)k / (k + 3) * (next - x) : next;
                    Tensor loss;
                    using (no_grad())
                    {
                        var logits = model.Logits(next);
                        var delta = next - x0;
                        var (l1, l2Squared) = (Distortion.L1(delta), Distortion.SquaredL2(delta));
                        var distance = o.DecisionRule == EadDecisionRule.ElasticNet ? o.Beta * l1 + l2Squared : l1;
                        var meets = Objectives.MeetsGoal(logits, goal, targeted, o.Confidence).logical_and(active);
                        var improved = meets.logical_and(distance.lt(bestDistance));
                        bestDistance.copy_(where(improved, distance, bestDistance));
                        best.copy_(where(improved.view(-1, 1, 1, 1), next, best));
                        succeeded.logical_or_(meets);
                        loss = constant * Objectives.CarliniWagner(logits, goal, targeted, o.Confidence) + l2Squared + o.Beta * l1;
                    }
                    x.copy_(where(active.view(-1, 1, 1, 1), next, x));
                    y.copy_(where(active.view(-1, 1, 1, 1), slack, y));
                    iterations.add_(active.to(int64));
                    if (o.AbortEarly && (k + 1) % Math.Max(1, o.Steps / 10) == 0)
                    {
                        active.logical_and_(loss.le(previous * AbortFactor));
                        previous.copy_(where(active, loss, previous));
                        if (!active.any().item<bool>()) break;
                    }
                }
                UpdateConstant(constant, lower, upper, succeeded);
            }
            adversarial.Add(best.clamp(0, 1));
            iterationCounts.Add(iterations);
        }
        return (cat(adversarial, 0).MoveToOuterDisposeScope(), cat(iterationCounts, 0).MoveToOuterDisposeScope());
    }

    public static IEnumerable<TestCaseData> PgdCases()
    {
        var options = new PgdOptions { Epsilon = 0.1, StepSize = 0.02, Steps = 8, BatchSize = 7, Restarts = 3 };
        yield return new TestCaseData(options, NormKind.Linf).SetArgDisplayNames("L∞, 3 restarts");
        yield return new TestCaseData(options, NormKind.L2).SetArgDisplayNames("L2, 3 restarts");
        yield return new TestCaseData(options with { Loss = AttackLoss.Margin, RandomStart = false, Restarts = 1 }, NormKind.Linf)
            .SetArgDisplayNames("L∞, margin loss, no random start");
    }

    [TestCaseSource(nameof(PgdCases))]
    public void Run_Pgd_BitIdenticalToPlainLoop(PgdOptions options, NormKind norm)
    {
        foreach (var (name, model, images, labels, unbounded) in Problems())
        {
            var goal = unbounded with { Norm = norm, Epsilon = 0.3 };
            var reference = IterativeLoop(model, images, GoalLabels(labels, goal), goal, new Generator(17), options.Steps, options.Restarts,
                options.BatchSize, options.Loss, options.RandomStart, options.StepSize * goal.Epsilon / options.Epsilon, decay: null);
            AssertSame(name, new Pgd(options).Run(model, images, labels, goal, new Generator(17)), images, reference);
        }
    }

    [TestCase(NormKind.Linf)]
    [TestCase(NormKind.L2)]
    public void Run_MomentumIterativeFgsm_BitIdenticalToPlainLoop(NormKind norm)
    {
        var options = new MomentumIterativeFgsmOptions { Epsilon = 0.1, StepSize = 0.02, Steps = 8, BatchSize = 7, Decay = 0.8 };
        foreach (var (name, model, images, labels, unbounded) in Problems())
        {
            var goal = unbounded with { Norm = norm, Epsilon = 0.3 };
            var reference = IterativeLoop(model, images, GoalLabels(labels, goal), goal, new Generator(17), options.Steps, restarts: 1,
                options.BatchSize, options.Loss, randomStart: false, options.StepSize * goal.Epsilon / options.Epsilon, options.Decay);
            AssertSame(name, new MomentumIterativeFgsm(options).Run(model, images, labels, goal, new Generator(17)), images, reference);
        }
    }

    /// <summary>
    /// Projected gradient ascent: from the images or a uniform point of the ε-ball, Steps times x ← clip(Π_ε(x + α·d))
    /// with d the steepest-ascent direction of the gradient (or, with a decay μ, of the momentum of L1-normalised
    /// gradients); restarts keep for each example the first one that succeeds.
    /// </summary>
    private static (Tensor Adversarial, Tensor Iterations) IterativeLoop(IClassifier model, Tensor images, Tensor goalLabels, AttackGoal goal,
        Generator generator, int steps, int restarts, int batchSize, AttackLoss loss, bool randomStart, double stepSize, double? decay)
    {
        using var scope = NewDisposeScope();
        var (adversarial, iterationCounts) = (new List<Tensor>(), new List<Tensor>());
        var epsilon = goal.Epsilon;
        Tensor Direction(Tensor g) => goal.Norm == NormKind.Linf ? g.sign() : g / Distortion.L2(g).clamp_min(1e-12).view(-1, 1, 1, 1);
        Tensor Project(Tensor x, Tensor x0) => goal.Norm == NormKind.Linf
            ? x0 + (x - x0).clamp(-epsilon, epsilon)
            : x0 + (x - x0) * (epsilon / Distortion.L2(x - x0).clamp_min(1e-12)).clamp_max(1.0).view(-1, 1, 1, 1);
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            var n = Math.Min(batchSize, images.shape[0] - start);
            var (x0, target) = (images.narrow(0, start, n), goalLabels.narrow(0, start, n));
            var best = x0.clone();
            var iterations = zeros(n, dtype: int64);
            var done = zeros(n, dtype: ScalarType.Bool);
            for (var restart = 0; restart < restarts; restart++)
            {
                var x = x0.alias();
                if (randomStart && goal.Norm == NormKind.Linf)
                    x = x0 + (rand(x0.shape, generator: generator) * (epsilon - -epsilon) + -epsilon);
                else if (randomStart)
                {
                    var direction = randn(x0.shape, generator: generator);
                    direction /= Distortion.L2(direction).clamp_min(1e-12).view(-1, 1, 1, 1);
                    var radius = rand(new[] { n }, generator: generator).pow(1.0 / (x0.numel() / n)) * epsilon;
                    x = x0 + direction * radius.view(-1, 1, 1, 1);
                }
                x = Project(x, x0).clamp(0, 1);
                Tensor? velocity = null;
                for (var i = 0; i < steps; i++)
                {
                    Tensor gradient;
                    using (enable_grad())
                    {
                        var input = x.detach().requires_grad_(true);
                        var objective = Objectives.Ascent(model.Logits(input), target, goal.Targeted, loss).sum();
                        gradient = autograd.grad([objective], [input])[0].detach();
                    }
                    if (decay is { } mu)
                    {
                        var normalised = gradient / Distortion.L1(gradient).clamp_min(1e-12).view(-1, 1, 1, 1);
                        velocity = velocity is null ? normalised : mu * velocity + normalised;
                        gradient = velocity;
                    }
                    x = Project(x + stepSize * Direction(gradient), x0).clamp(0, 1);
                }
                Tensor success;
                using (no_grad()) success = Objectives.Success(model.Logits(x), target, goal.Targeted);
                var open = done.logical_not();
                best.copy_(where(open.view(-1, 1, 1, 1), x, best));
                iterations.add_(open.to(int64) * steps);
                done.logical_or_(success);
                if (done.all().item<bool>()) break;
            }
            adversarial.Add(best.clamp(0, 1));
            iterationCounts.Add(iterations);
        }
        return (cat(adversarial, 0).MoveToOuterDisposeScope(), cat(iterationCounts, 0).MoveToOuterDisposeScope());
    }
}
