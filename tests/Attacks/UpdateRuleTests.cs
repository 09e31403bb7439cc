using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>Identities the update rules must satisfy.</summary>
public sealed class UpdateRuleTests
{
    [Test]
    public void MomentumIterativeFgsm_ZeroDecayLinf_EqualsIterativeFgsm()
    {
        using var scope = NewDisposeScope();
        var data = LabeledImagesView.First(32);
        var goal = AttackGoal.Untargeted(0.05);
        using var mim = new MomentumIterativeFgsm(new MomentumIterativeFgsmOptions { Decay = 0 })
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        using var bim = new IterativeFgsm(new IterativeFgsmOptions())
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        Assert.That(mim.Adversarial.equal(bim.Adversarial).all().item<bool>(), Is.True);
    }

    [Test]
    public void MomentumIterativeFgsm_UnitDecay_DiffersFromIterativeFgsm()
    {
        using var scope = NewDisposeScope();
        var data = LabeledImagesView.First(32);
        var goal = AttackGoal.Untargeted(0.05);
        using var mim = new MomentumIterativeFgsm(new MomentumIterativeFgsmOptions())
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        using var bim = new IterativeFgsm(new IterativeFgsmOptions())
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        Assert.That(mim.Adversarial.equal(bim.Adversarial).all().item<bool>(), Is.False, "momentum must change the path");
    }

    /// <summary>
    /// Dong et al.'s momentum accumulates L1-normalised gradients. Two classes, logits (0, s(x)) on four pixels with
    /// s(x) = min(u·x, v·x + 2), u = (1, 1, 1, 1), v = (−0.1, 0.25, 0, 0); label 0, so the ascent gradient is σ(s)·∇s.
    /// Start x⁰ = 0.5 (s = u·x⁰ = 2 &lt; 2.075): g₁ ∝ u, every pixel steps +0.05 to x¹ = 0.55, where v·x¹ + 2 = 2.0825
    /// &lt; 2.2, so g₂ ∝ v. The second velocity's first entry is
    ///   L1: 1/4 − 0.1/0.35 = −0.036 (step −0.05);  L2: 1/2 − 0.1/0.269 = +0.129;  none: σ(2) − 0.1·σ(2.08) = +0.79,
    /// so only the L1 rule ends at (0.5, 0.6, 0.6, 0.6); L2 and no normalisation end at 0.6 everywhere.
    /// </summary>
    [Test]
    public void MomentumIterativeFgsm_GradientChangesDirection_AccumulatesL1NormalisedGradients()
    {
        using var scope = NewDisposeScope();
        var model = new MinOfTwoPlanes(tensor(new[] { 1f, 1f, 1f, 1f }), tensor(new[] { -0.1f, 0.25f, 0f, 0f }), 2.0);
        var images = full(new long[] { 1, 1, 1, 4 }, 0.5f);
        var goal = AttackGoal.Untargeted(0.1);
        using var result = new MomentumIterativeFgsm(new MomentumIterativeFgsmOptions { Epsilon = 0.1, StepSize = 0.05, Steps = 2, Decay = 1.0 })
            .Run(model, images, tensor(new long[] { 0 }), goal, new Generator(1));
        Assert.That(result.Adversarial.flatten().data<float>().ToArray(), Is.EqualTo(new[] { 0.5f, 0.6f, 0.6f, 0.6f }).Within(1e-6f));
    }

    [Test]
    public void Pgd_NoRandomStartOneRestart_EqualsIterativeFgsm()
    {
        using var scope = NewDisposeScope();
        var data = LabeledImagesView.First(32);
        var goal = AttackGoal.Untargeted(0.05, NormKind.L2);
        using var pgd = new Pgd(new PgdOptions { RandomStart = false })
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        using var bim = new IterativeFgsm(new IterativeFgsmOptions())
            .Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        Assert.That(pgd.Adversarial.equal(bim.Adversarial).all().item<bool>(), Is.True);
    }

    [Test]
    public void Pgd_MoreRestarts_NeverFewerSuccessesAndCountsIterations()
    {
        using var scope = NewDisposeScope();
        var data = TrainedCnn.Test;
        var goal = AttackGoal.Untargeted(0.03);
        using var one = new Pgd(new PgdOptions { Epsilon = 0.03, StepSize = 0.0075 }).Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(4));
        using var four = new Pgd(new PgdOptions { Epsilon = 0.03, StepSize = 0.0075, Restarts = 4 }).Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(4));
        Assert.Multiple(() =>
        {
            Assert.That(four.Success.sum().item<long>(), Is.GreaterThanOrEqualTo(one.Success.sum().item<long>()));
            Assert.That(four.Iterations.max().item<long>(), Is.EqualTo(40L), "an example never fooled runs every restart");
            Assert.That(four.Iterations.masked_select(four.Success).min().item<long>(), Is.GreaterThanOrEqualTo(10L));
        });
    }

    [Test]
    public void Fgsm_L2OnLinearModel_SucceedsExactlyAboveTheL2Margin()
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(20, seed: 9);
        var margins = problem.L2Margin.data<float>().ToArray();
        for (var i = 0; i < margins.Length; i++)
            foreach (var (factor, expected) in new[] { (0.97, false), (1.03, true) })
            {
                var epsilon = margins[i] * factor;
                using var result = new Fgsm(new FgsmOptions { Epsilon = epsilon })
                    .Run(problem, problem.Images.narrow(0, i, 1), problem.Labels.narrow(0, i, 1), AttackGoal.Untargeted(epsilon, NormKind.L2), new Generator(1));
                Assert.That(result.Success.item<bool>(), Is.EqualTo(expected), $"example {i}, ε = {factor}·L2 margin");
            }
    }

    [Test]
    public void Shrink_ThreeRegions_SnapShrinkAndClip()
    {
        using var scope = NewDisposeScope();
        var x0 = tensor(new[] { 0.5f, 0.5f, 0.5f, 0.95f, 0.05f }).view(1, 1, 1, 5);
        var z = tensor(new[] { 0.55f, 0.7f, 0.2f, 1.2f, -0.3f }).view(1, 1, 1, 5);
        var shrunk = ElasticNetAttack.Shrink(z, x0, 0.1).flatten().data<float>().ToArray();
        Assert.That(shrunk, Is.EqualTo(new[] { 0.5f, 0.6f, 0.3f, 1.0f, 0.0f }).Within(1e-6f));
    }

    /// <summary>Two classes over flattened pixels: logits (0, min(u·x, v·x + c)).</summary>
    private sealed class MinOfTwoPlanes(Tensor u, Tensor v, double c) : IClassifier
    {
        public int NumClasses => 2;

        public Tensor Logits(Tensor images)
        {
            var x = images.flatten(1);
            var s = minimum(x.matmul(u), x.matmul(v) + c).unsqueeze(1);
            return cat([zeros_like(s), s], 1);
        }
    }
}
