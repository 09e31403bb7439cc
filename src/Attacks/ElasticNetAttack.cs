using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Chen et al. 2018 (EAD) — minimise c·f(x) + ‖x − x₀‖₂² + β‖x − x₀‖₁ on [0,1] by ISTA/FISTA: a gradient step
/// on the smooth part at the slack point y with the decayed rate α_k, then the projected shrinkage S_β
/// (coordinates within β of x₀ snap back to it, the rest shrink by β and are clipped to [0,1]);
/// y ← x_{k+1} + k/(k+3)·(x_{k+1} − x_k). The threshold is β itself, not α_k·β, as in the paper's algorithm and
/// its reference code (cleverhans ElasticNetMethod, which the evaluated protocol ran): with α = 0.01 a threshold
/// of α·β = 1e-4 leaves nearly every coordinate moving and the attack behaves like C&amp;W-L2.
/// Per-example binary search over c; the decision rule picks the successful iterate kept.
/// </summary>
public sealed class ElasticNetAttack(ElasticNetAttackOptions options) : IterativeAttack(options.Steps, options.BatchSize)
{
    public ElasticNetAttackOptions Options => options;
    public override string Id => AttackIds.ElasticNet;
    public override bool Bounded => false;

    protected override (Tensor Adversarial, Tensor Iterations) Attack(AttackBatch batch)
    {
        var x0 = batch.Images;
        var best = x0.clone();
        var bestDistance = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: x0.device);
        var iterations = zeros(batch.Count, dtype: int64, device: x0.device);
        using var search = new ConstantSearch(batch.Count, options.InitialConstant, x0.device);
        for (var b = 0; b < options.BinarySearchSteps; b++)
        {
            using var binaryScope = NewDisposeScope();
            var succeeded = Optimise(batch, search.Constant, best, bestDistance, iterations);
            search.Update(succeeded);
        }
        return (best, iterations);
    }

    /// <summary>One ISTA step from y: the gradient step with rate α, then the projected shrinkage at threshold β.</summary>
    internal Tensor ProximalStep(Tensor y, Tensor gradient, Tensor x0, double rate) =>
        Shrink(y - rate * gradient, x0, options.Beta);

    /// <summary>Projected shrinkage S_β onto [0,1] around x₀.</summary>
    internal static Tensor Shrink(Tensor z, Tensor x0, double beta)
    {
        var d = z - x0;
        var up = (z - beta).clamp_max(1.0);
        var down = (z + beta).clamp_min(0.0);
        return where(d.gt(beta), up, where(d.lt(-beta), down, x0));
    }

    private Tensor Optimise(AttackBatch batch, Tensor constant, Tensor best, Tensor bestDistance, Tensor iterations)
    {
        var x0 = batch.Images;
        var x = x0.clone();
        var y = x0.clone();
        var active = ones(batch.Count, dtype: ScalarType.Bool, device: x0.device);
        var succeeded = zeros_like(active);
        var previous = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: x0.device);
        var checkEvery = Math.Max(1, Steps / 10);
        for (var k = 0; k < Steps; k++)
        {
            using var step = NewDisposeScope();
            var rate = options.LearningRate * Math.Sqrt(1.0 - (double)k / Steps);
            Tensor gradient;
            using (enable_grad())
            {
                var yg = y.detach().requires_grad_(true);
                var smooth = constant * Objectives.CarliniWagner(batch.LogitsOf(yg), batch.GoalLabels, batch.Targeted, options.Confidence)
                    + Distortion.SquaredL2(yg - x0);
                gradient = autograd.grad([smooth.sum()], [yg])[0].detach();
            }
            var next = ProximalStep(y, gradient, x0, rate);
            var slack = options.Fista ? next + (double)k / (k + 3) * (next - x) : next;
            Tensor loss;
            using (no_grad())
            {
                var logits = batch.LogitsOf(next);
                var delta = next - x0;
                var (l1, l2Squared) = (Distortion.L1(delta), Distortion.SquaredL2(delta));
                var distance = options.DecisionRule == EadDecisionRule.ElasticNet ? options.Beta * l1 + l2Squared : l1;
                var meets = Objectives.MeetsGoal(logits, batch.GoalLabels, batch.Targeted, options.Confidence).logical_and(active);
                var improved = meets.logical_and(distance.lt(bestDistance));
                bestDistance.copy_(where(improved, distance, bestDistance));
                best.copy_(where(Distortion.PerExample(improved), next, best));
                succeeded.logical_or_(meets);
                loss = constant * Objectives.CarliniWagner(logits, batch.GoalLabels, batch.Targeted, options.Confidence) + l2Squared + options.Beta * l1;
            }
            var keep = Distortion.PerExample(active);
            x.copy_(where(keep, next, x));
            y.copy_(where(keep, slack, y));
            iterations.add_(active.to(int64));
            if (options.AbortEarly && (k + 1) % checkEvery == 0)
            {
                active.logical_and_(loss.le(previous * 0.9999));
                previous.copy_(where(active, loss, previous));
                if (!active.any().item<bool>()) break;
            }
        }
        return succeeded.MoveToOuterDisposeScope();
    }
}
