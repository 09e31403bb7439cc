using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Which successful iterate EAD keeps: smallest β·L1 + L2² (elastic net) or smallest L1.</summary>
public enum EadDecisionRule { ElasticNet, L1 }

/// <summary>
/// Chen et al. 2018 — EAD; paper protocol: β 0.01, lr 0.01 (polynomially decayed, power ½), 1000 iterations,
/// 9 binary-search steps from c = 1e-3, confidence 0, elastic-net decision rule, FISTA, no early abort (the
/// evaluated code passed abort_early=False, so every iteration runs).
/// </summary>
public sealed record ElasticNetAttackOptions : MinimizationOptions
{
    /// <summary>L1 weight β; also the threshold of the projected shrinkage.</summary>
    public double Beta { get; init; } = 0.01;
    public EadDecisionRule DecisionRule { get; init; } = EadDecisionRule.ElasticNet;
    /// <summary>FISTA (momentum slack, the paper's default) or plain ISTA.</summary>
    public bool Fista { get; init; } = true;
    /// <summary>
    /// Stop an example's optimisation when its loss fell by less than 0.01 % over Steps/10 iterations (paper: off;
    /// the quick and smoke profiles turn it on to save time).
    /// </summary>
    public override bool AbortEarly { get; init; }
}

/// <summary>
/// Chen et al. 2018 (EAD) — minimise c·f(x) + ‖x − x₀‖₂² + β‖x − x₀‖₁ on [0,1] by ISTA/FISTA, inside
/// <see cref="MinimizationAttack"/>'s search over c: a gradient step on the smooth part at the slack point y with
/// the decayed rate α_k, then the projected shrinkage S_β (coordinates within β of x₀ snap back to it, the rest
/// shrink by β and are clipped to [0,1]); y ← x_{k+1} + k/(k+3)·(x_{k+1} − x_k). The threshold is β itself, not
/// α_k·β, as in the paper's algorithm and its reference code (cleverhans ElasticNetMethod, which the evaluated
/// protocol ran): with α = 0.01 a threshold of α·β = 1e-4 leaves nearly every coordinate moving and the attack
/// behaves like C&amp;W-L2. Each iteration judges x_{k+1}; the decision rule is the distance kept.
/// </summary>
public sealed class ElasticNetAttack(ElasticNetAttackOptions options) : MinimizationAttack(options)
{
    public ElasticNetAttackOptions Options => options;
    public override string Id => AttackIds.ElasticNet;

    protected override Descent Begin(AttackBatch batch, Tensor constant) => new ShrinkageThresholding(this, batch, constant);

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

    /// <summary>ISTA, or FISTA with the slack point y: x is the iterate, y where the next gradient is taken.</summary>
    private sealed class ShrinkageThresholding(ElasticNetAttack attack, AttackBatch batch, Tensor constant) : Descent
    {
        private readonly ElasticNetAttackOptions options = attack.Options;
        private readonly Tensor x = batch.Images.clone();
        private readonly Tensor y = batch.Images.clone();

        public override Iterate Step(int iteration, Tensor active)
        {
            var (k, x0) = (iteration, batch.Images);
            var rate = options.LearningRate * Math.Sqrt(1.0 - (double)k / attack.Steps);
            Tensor gradient;
            using (enable_grad())
            {
                var yg = y.detach().requires_grad_(true);
                var smooth = constant * Objectives.CarliniWagner(batch.LogitsOf(yg), batch.GoalLabels, batch.Targeted, options.Confidence)
                    + Distortion.SquaredL2(yg - x0);
                gradient = autograd.grad([smooth.sum()], [yg])[0].detach();
            }
            var next = attack.ProximalStep(y, gradient, x0, rate);
            var slack = options.Fista ? next + (double)k / (k + 3) * (next - x) : next;
            using var noGrad = no_grad();
            var logits = batch.LogitsOf(next);
            var delta = next - x0;
            var (l1, l2Squared) = (Distortion.L1(delta), Distortion.SquaredL2(delta));
            var distance = options.DecisionRule == EadDecisionRule.ElasticNet ? options.Beta * l1 + l2Squared : l1;
            var objective = constant * Objectives.CarliniWagner(logits, batch.GoalLabels, batch.Targeted, options.Confidence) + l2Squared + options.Beta * l1;
            var keep = Distortion.PerExample(active);
            x.copy_(where(keep, next, x));
            y.copy_(where(keep, slack, y));
            return new Iterate(next, logits, distance, objective);
        }
    }
}
