using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Carlini &amp; Wagner 2017 — L2 attack on the paper protocol's defaults (1000 iterations, Adam lr 0.01, 9
/// binary-search steps on c from 1e-3, confidence κ 0), early abort on.
/// </summary>
public sealed record CarliniWagnerL2Options : MinimizationOptions
{
    /// <summary>Stop an example's optimisation when its loss fell by less than 0.01 % over Steps/10 iterations.</summary>
    public override bool AbortEarly { get; init; } = true;
}

/// <summary>
/// Carlini &amp; Wagner 2017 — minimise ‖x′ − x‖₂² + c·f(x′) over w with x′ = (tanh w + 1)/2 (the tanh box keeps
/// x′ in [0,1]) by Adam, inside <see cref="MinimizationAttack"/>'s search over c; the successful x′ of smallest
/// L2 is kept. Each iteration judges the point its gradient was taken at (before the Adam step).
/// </summary>
public sealed class CarliniWagnerL2(CarliniWagnerL2Options options) : MinimizationAttack(options)
{
    public CarliniWagnerL2Options Options => options;
    public override string Id => AttackIds.CarliniWagnerL2;

    protected override Descent Begin(AttackBatch batch, Tensor constant) => new AdamInTanhSpace(batch, constant, options);

    private sealed class AdamInTanhSpace : Descent
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, AdamEpsilon = 1e-8;
        private readonly AttackBatch batch;
        private readonly Tensor constant;
        private readonly CarliniWagnerL2Options options;
        private readonly Tensor w, m, v;

        public AdamInTanhSpace(AttackBatch batch, Tensor constant, CarliniWagnerL2Options options)
        {
            (this.batch, this.constant, this.options) = (batch, constant, options);
            w = ((batch.Images * 2 - 1) * (1 - 1e-6)).atanh();
            m = zeros_like(w);
            v = zeros_like(w);
        }

        public override Iterate Step(int iteration, Tensor active)
        {
            Tensor gradient, objective, x, logits, l2Squared;
            using (enable_grad())
            {
                var wg = w.detach().requires_grad_(true);
                x = (wg.tanh() + 1) / 2;
                logits = batch.LogitsOf(x);
                l2Squared = Distortion.SquaredL2(x - batch.Images);
                objective = l2Squared + constant * Objectives.CarliniWagner(logits, batch.GoalLabels, batch.Targeted, options.Confidence);
                gradient = autograd.grad([objective.sum()], [wg])[0].detach();
            }
            var t = iteration + 1;
            m.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
            v.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
            var update = m / (1 - Math.Pow(Beta1, t)) / ((v / (1 - Math.Pow(Beta2, t))).sqrt() + AdamEpsilon);
            w.copy_(where(Distortion.PerExample(active), w - options.LearningRate * update, w));
            return new Iterate(x.detach(), logits.detach(), l2Squared.detach().sqrt(), objective.detach());
        }
    }
}
