using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>Attacks against a linear classifier whose minimal perturbations are known in closed form.</summary>
public sealed class LinearClassifierTests
{
    [Test]
    public void Fgsm_EpsilonAboveEveryMargin_SucceedsOnEveryExample([Values(0, 1, 2)] int seed)
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(40, seed);
        var epsilon = problem.LinfMargin.max().item<float>() * 1.02;
        using var result = new Fgsm(new FgsmOptions { Epsilon = epsilon })
            .Run(problem, problem.Images, problem.Labels, AttackGoal.Untargeted(epsilon), new Generator(1));
        Assert.That(result.Success.all().item<bool>(), Is.True);
    }

    [Test]
    public void Fgsm_EpsilonBelowEveryMargin_FailsOnEveryExample([Values(0, 1, 2)] int seed)
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(40, seed);
        var epsilon = problem.LinfMargin.min().item<float>() * 0.98;
        using var result = new Fgsm(new FgsmOptions { Epsilon = epsilon })
            .Run(problem, problem.Images, problem.Labels, AttackGoal.Untargeted(epsilon), new Generator(1));
        Assert.That(result.Success.any().item<bool>(), Is.False);
    }

    [Test]
    public void Fgsm_EachExampleAtItsOwnMargin_SucceedsExactlyAboveIt()
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(30, seed: 4);
        var margins = problem.LinfMargin.data<float>().ToArray();
        for (var i = 0; i < margins.Length; i++)
        {
            var images = problem.Images.narrow(0, i, 1);
            var labels = problem.Labels.narrow(0, i, 1);
            foreach (var (factor, expected) in new[] { (0.97, false), (1.03, true) })
            {
                var epsilon = margins[i] * factor;
                using var result = new Fgsm(new FgsmOptions { Epsilon = epsilon })
                    .Run(problem, images, labels, AttackGoal.Untargeted(epsilon), new Generator(1));
                Assert.That(result.Success.item<bool>(), Is.EqualTo(expected), $"example {i}, ε = {factor}·margin");
            }
        }
    }

    [Test]
    public void CarliniWagnerL2_LinearModel_FindsL2WithinTenPercentOfMinimum()
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(24, seed: 5);
        var attack = new CarliniWagnerL2(new CarliniWagnerL2Options { Steps = 100, LearningRate = 0.02, BinarySearchSteps = 7, InitialConstant = 0.1 });
        using var result = attack.Run(problem, problem.Images, problem.Labels, AttackGoal.Untargeted(0), new Generator(1));
        AssertNearMinimal(result, problem);
    }

    [Test]
    public void ElasticNetAttack_LinearModel_FindsL2WithinTenPercentOfMinimum([Values] EadDecisionRule rule)
    {
        using var scope = NewDisposeScope();
        using var problem = LinearProblem.Create(24, seed: 6);
        var attack = new ElasticNetAttack(new ElasticNetAttackOptions { Steps = 100, LearningRate = 0.02, BinarySearchSteps = 7, InitialConstant = 0.1, DecisionRule = rule });
        using var result = attack.Run(problem, problem.Images, problem.Labels, AttackGoal.Untargeted(0), new Generator(1));
        AssertNearMinimal(result, problem);
    }

    private static void AssertNearMinimal(AttackResult result, LinearProblem problem)
    {
        var ratio = result.L2 / problem.L2Margin;
        TestContext.Out.WriteLine($"L2 / analytic minimum: min {ratio.min().item<float>():F4}, max {ratio.max().item<float>():F4}, mean {ratio.mean().item<float>():F4}");
        Assert.Multiple(() =>
        {
            Assert.That(result.Success.all().item<bool>(), Is.True, "every example must be fooled");
            Assert.That(ratio.min().item<float>(), Is.GreaterThanOrEqualTo(1 - 1e-3), "no success can beat the analytic minimum");
            Assert.That(ratio.max().item<float>(), Is.LessThanOrEqualTo(1.10), "within 10 % of the analytic minimum");
        });
    }
}
