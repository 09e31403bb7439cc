using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>EAD's defining properties: shrinkage at β (not α·β), every iteration in the paper profile, sparsity.</summary>
public sealed class ElasticNetTests
{
    /// <summary>|δ| at or below this counts as an unchanged pixel.</summary>
    private const double Unchanged = 1e-3;

    [Test]
    public void ProximalStep_RateBelowOne_ThresholdsAtBetaItself()
    {
        // α = 0.5, β = 0.1: a gradient step of size 0.08 lies between α·β = 0.05 and β, so S_β keeps the pixel at x₀
        // (S_{α·β} would move it by 0.03); a step of 0.3 shrinks by β to 0.2 (S_{α·β}: 0.25); x₀ = 0.9 with a step
        // of +0.3 shrinks to 1.1 and is clipped to 1.
        using var scope = NewDisposeScope();
        var x0 = tensor(new[] { 0.5f, 0.5f, 0.5f, 0.5f, 0.9f }).view(1, 1, 1, 5);
        var gradient = tensor(new[] { -0.16f, 0.16f, -0.6f, 0.6f, -0.6f }).view(1, 1, 1, 5);
        var attack = new ElasticNetAttack(new ElasticNetAttackOptions { Beta = 0.1 });
        var next = attack.ProximalStep(x0, gradient, x0, rate: 0.5).flatten().data<float>().ToArray();
        Assert.That(next, Is.EqualTo(new[] { 0.5f, 0.5f, 0.7f, 0.3f, 1.0f }).Within(1e-6f));
    }

    [Test]
    public void Options_PaperProfile_RunsEveryIteration()
    {
        using var scope = NewDisposeScope();
        using var provider = new ServiceCollection().AddRobustnessAttacks().BuildServiceProvider();
        var factory = provider.GetRequiredService<AttackFactory>();
        foreach (var dataset in DatasetIds.All)
        {
            var options = (ElasticNetAttackOptions)factory.Options(AttackIds.ElasticNet, ProfileCatalog.Default().Get(ProfileNames.Paper, dataset));
            Assert.That(options.AbortEarly, Is.False, dataset);
            // The paper's switch on a budget a test can afford: every example uses every iteration of every search step.
            using var points = TrainedCnn.Test.Take(8);
            using var result = new ElasticNetAttack(options with { Steps = 20, BinarySearchSteps = 2, InitialConstant = 1 })
                .Run(TrainedCnn.Model, points.Images, points.Labels, AttackGoal.Untargeted(0), new Generator(1));
            Assert.That(result.Iterations.eq(40).all().item<bool>(), Is.True, dataset);
        }
    }

    /// <summary>
    /// The L1 term is what makes EAD an elastic-net attack: on the same trained model, with the same budget (the
    /// quick profile's: 100 iterations, 5 binary-search steps from c = 1, rate 0.01) and comparable success (both
    /// ≥ 95 %), EAD's adversarials must leave far more pixels exactly unchanged and have a lower L1 than C&amp;W-L2's.
    /// With the threshold at α·β the two are nearly indistinguishable (an L2 attack in effect).
    /// </summary>
    [Test]
    public void Run_TrainedModel_SparserAndSmallerL1ThanCarliniWagnerL2()
    {
        using var scope = NewDisposeScope();
        using var points = TrainedCnn.Test.Take(32);
        var goal = AttackGoal.Untargeted(0);
        using var ead = new ElasticNetAttack(new ElasticNetAttackOptions { Steps = 100, BinarySearchSteps = 5, InitialConstant = 1, LearningRate = 0.01 })
            .Run(TrainedCnn.Model, points.Images, points.Labels, goal, new Generator(1));
        using var cw = new CarliniWagnerL2(new CarliniWagnerL2Options { Steps = 100, BinarySearchSteps = 5, InitialConstant = 1, LearningRate = 0.01 })
            .Run(TrainedCnn.Model, points.Images, points.Labels, goal, new Generator(1));

        var both = ead.Success.logical_and(cw.Success);
        var (eadUnchanged, cwUnchanged) = (UnchangedFraction(ead, points.Images, both), UnchangedFraction(cw, points.Images, both));
        var (eadL1, cwL1) = (ead.L1.masked_select(both).median().item<float>(), cw.L1.masked_select(both).median().item<float>());
        var (eadSuccess, cwSuccess) = (Rate(ead.Success), Rate(cw.Success));
        TestContext.Out.WriteLine($"EAD: success {eadSuccess:P1}, unchanged {eadUnchanged:P1}, median L1 {eadL1:F3}; " +
                                  $"C&W: success {cwSuccess:P1}, unchanged {cwUnchanged:P1}, median L1 {cwL1:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(eadSuccess, Is.GreaterThanOrEqualTo(0.95), "EAD success");
            Assert.That(cwSuccess, Is.GreaterThanOrEqualTo(0.95), "C&W success");
            Assert.That(eadL1, Is.LessThan(cwL1), "median L1 over examples both fool");
            Assert.That(1 - eadUnchanged, Is.LessThan(0.5 * (1 - cwUnchanged)), "EAD must change less than half as many pixels");
        });
    }

    private static double Rate(Tensor success) => success.to(ScalarType.Float32).mean().item<float>();

    private static double UnchangedFraction(AttackResult result, Tensor images, Tensor rows)
    {
        using var scope = NewDisposeScope();
        var unchanged = (result.Adversarial - images).abs().le(Unchanged).flatten(1).to(ScalarType.Float32).mean(new long[] { 1 });
        return unchanged.masked_select(rows).mean().item<float>();
    }
}
