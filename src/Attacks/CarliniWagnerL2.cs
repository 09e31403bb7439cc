using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Carlini &amp; Wagner 2017 — minimise ‖x′ − x‖₂² + c·f(x′) over w with x′ = (tanh w + 1)/2 (the tanh box keeps
/// x′ in [0,1]), by Adam; a per-example binary search over c; the smallest successful x′ is kept. An example stops
/// early when its loss stalls (checked every Steps/10 iterations); an example that never succeeds returns the
/// clean image. Unbounded: the goal's ε is ignored.
/// </summary>
public sealed class CarliniWagnerL2(CarliniWagnerL2Options options) : IterativeAttack(options.Steps, options.BatchSize)
{
    private const double Beta1 = 0.9, Beta2 = 0.999, AdamEpsilon = 1e-8;

    public CarliniWagnerL2Options Options => options;
    public override string Id => AttackIds.CarliniWagnerL2;
    public override bool Bounded => false;

    protected override (Tensor Adversarial, Tensor Iterations) Attack(AttackBatch batch)
    {
        var x0 = batch.Images;
        var device = x0.device;
        var best = x0.clone();
        var bestL2 = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: device);
        var iterations = zeros(batch.Count, dtype: int64, device: device);
        var w0 = ((x0 * 2 - 1) * (1 - 1e-6)).atanh();
        using var search = new ConstantSearch(batch.Count, options.InitialConstant, device);
        for (var b = 0; b < options.BinarySearchSteps; b++)
        {
            using var binaryScope = NewDisposeScope();
            var succeeded = Optimise(batch, w0, search.Constant, best, bestL2, iterations);
            search.Update(succeeded);
        }
        return (best, iterations);
    }

    /// <summary>One Adam run at fixed c; updates best/bestL2/iterations in place; returns which examples succeeded.</summary>
    private Tensor Optimise(AttackBatch batch, Tensor w0, Tensor constant, Tensor best, Tensor bestL2, Tensor iterations)
    {
        var x0 = batch.Images;
        var w = w0.clone();
        var m = zeros_like(w);
        var v = zeros_like(w);
        var active = ones(batch.Count, dtype: ScalarType.Bool, device: x0.device);
        var succeeded = zeros_like(active);
        var previous = full(batch.Count, double.PositiveInfinity, dtype: ScalarType.Float32, device: x0.device);
        var checkEvery = Math.Max(1, Steps / 10);
        for (var i = 0; i < Steps; i++)
        {
            using var step = NewDisposeScope();
            Tensor gradient, loss;
            using (enable_grad())
            {
                var wg = w.detach().requires_grad_(true);
                var x = (wg.tanh() + 1) / 2;
                var logits = batch.LogitsOf(x);
                var l2Squared = Distortion.SquaredL2(x - x0);
                loss = l2Squared + constant * Objectives.CarliniWagner(logits, batch.GoalLabels, batch.Targeted, options.Confidence);
                gradient = autograd.grad([loss.sum()], [wg])[0].detach();
                loss = loss.detach();
                var meets = Objectives.MeetsGoal(logits.detach(), batch.GoalLabels, batch.Targeted, options.Confidence).logical_and(active);
                var l2 = l2Squared.detach().sqrt();
                var improved = meets.logical_and(l2.lt(bestL2));
                bestL2.copy_(where(improved, l2, bestL2));
                best.copy_(where(Distortion.PerExample(improved), x.detach(), best));
                succeeded.logical_or_(meets);
            }
            var t = i + 1;
            m.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
            v.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
            var update = m / (1 - Math.Pow(Beta1, t)) / ((v / (1 - Math.Pow(Beta2, t))).sqrt() + AdamEpsilon);
            w.copy_(where(Distortion.PerExample(active), w - options.LearningRate * update, w));
            iterations.add_(active.to(int64));
            if (options.AbortEarly && t % checkEvery == 0)
            {
                active.logical_and_(loss.le(previous * 0.9999));
                previous.copy_(where(active, loss, previous));
                if (!active.any().item<bool>()) break;
            }
        }
        return succeeded.MoveToOuterDisposeScope();
    }
}
