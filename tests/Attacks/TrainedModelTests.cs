using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>Behaviour against a small trained CNN: what must hold of any correct implementation.</summary>
public sealed class TrainedModelTests
{
    private static double SuccessRate(string attackId, double epsilon, NormKind norm = NormKind.Linf, bool targeted = false)
    {
        using var scope = NewDisposeScope();
        using var data = TrainedCnn.Test.Take(120);
        var goal = targeted
            ? AttackGoal.TargetedAt((data.Labels + 3).remainder(10), epsilon, norm)
            : AttackGoal.Untargeted(epsilon, norm);
        using var result = TestAttacks.Create(attackId, epsilon).Run(TrainedCnn.Model, data.Images, data.Labels, goal, new Generator(1));
        return result.Success.to(ScalarType.Float32).mean().item<float>();
    }

    [Test]
    public void TrainedCnn_HeldOut_ManyCorrectExamples() =>
        Assert.That(TrainedCnn.Test.Count, Is.GreaterThanOrEqualTo(150), "the tiny CNN must learn the synthetic task");

    [TestCase(AttackIds.IterativeFgsm, NormKind.Linf, 0.03)]
    [TestCase(AttackIds.MomentumIterativeFgsm, NormKind.Linf, 0.03)]
    [TestCase(AttackIds.Pgd, NormKind.Linf, 0.03)]
    [TestCase(AttackIds.IterativeFgsm, NormKind.L2, 0.8)]
    [TestCase(AttackIds.MomentumIterativeFgsm, NormKind.L2, 0.8)]
    [TestCase(AttackIds.Pgd, NormKind.L2, 0.8)]
    public void Run_IterativeAttack_SucceedsAtLeastAsOftenAsFgsm(string attackId, NormKind norm, double epsilon)
    {
        var fgsm = SuccessRate(AttackIds.Fgsm, epsilon, norm);
        var iterative = SuccessRate(attackId, epsilon, norm);
        TestContext.Out.WriteLine($"{attackId} {norm} ε={epsilon}: {iterative:P1} vs FGSM {fgsm:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(fgsm, Is.InRange(0.02, 0.98), "ε must make FGSM partly successful, or the comparison says nothing");
            Assert.That(iterative, Is.GreaterThanOrEqualTo(fgsm));
        });
    }

    [TestCase(AttackIds.Fgsm)]
    [TestCase(AttackIds.IterativeFgsm)]
    [TestCase(AttackIds.MomentumIterativeFgsm)]
    [TestCase(AttackIds.Pgd)]
    public void Run_IncreasingEpsilon_SuccessIsMonotone(string attackId)
    {
        var rates = new[] { 0.005, 0.015, 0.03, 0.06, 0.12 }.Select(e => SuccessRate(attackId, e)).ToArray();
        TestContext.Out.WriteLine($"{attackId}: {string.Join(", ", rates.Select(r => r.ToString("P1")))}");
        Assert.Multiple(() =>
        {
            for (var i = 1; i < rates.Length; i++) Assert.That(rates[i], Is.GreaterThanOrEqualTo(rates[i - 1]), $"step {i}");
            Assert.That(rates[^1], Is.GreaterThan(rates[0]), "a larger ball must fool more examples");
        });
    }

    [TestCase(AttackIds.IterativeFgsm)]
    [TestCase(AttackIds.MomentumIterativeFgsm)]
    [TestCase(AttackIds.Pgd)]
    [TestCase(AttackIds.CarliniWagnerL2)]
    [TestCase(AttackIds.ElasticNet)]
    public void Run_TargetedGoal_PredictionsLandOnTheTarget(string attackId)
    {
        using var scope = NewDisposeScope();
        using var data = TrainedCnn.Test.Take(32);
        var targets = (data.Labels + 3).remainder(10);
        using var result = TestAttacks.Create(attackId, 0.2)
            .Run(TrainedCnn.Model, data.Images, data.Labels, AttackGoal.TargetedAt(targets, 0.2), new Generator(1));
        var predicted = TrainedCnn.Model.PredictLabels(result.Adversarial);
        var landed = predicted.eq(targets);
        var rate = landed.to(ScalarType.Float32).mean().item<float>();
        TestContext.Out.WriteLine($"{attackId}: {rate:P1} on target");
        Assert.Multiple(() =>
        {
            Assert.That(rate, Is.GreaterThanOrEqualTo(0.9));
            Assert.That(result.Success.eq(landed).all().item<bool>(), Is.True, "Success must mean prediction = target");
        });
    }

    [TestCase(AttackIds.CarliniWagnerL2)]
    [TestCase(AttackIds.ElasticNet)]
    public void Run_UnboundedAttack_FoolsNearlyEveryExample(string attackId)
    {
        using var scope = NewDisposeScope();
        using var data = TrainedCnn.Test.Take(32);
        using var result = TestAttacks.Create(attackId).Run(TrainedCnn.Model, data.Images, data.Labels, AttackGoal.Untargeted(0), new Generator(1));
        var rate = result.Success.to(ScalarType.Float32).mean().item<float>();
        TestContext.Out.WriteLine($"{attackId}: success {rate:P1}, mean L2 {result.L2.mean().item<float>():F3}, mean iterations {result.Iterations.to(ScalarType.Float32).mean().item<float>():F0}");
        Assert.Multiple(() =>
        {
            Assert.That(rate, Is.GreaterThanOrEqualTo(0.95));
            Assert.That(result.Iterations.max().item<long>(), Is.LessThanOrEqualTo(30L * 3));
            Assert.That(result.L2.masked_select(result.Success.logical_not()).sum().item<float>(), Is.Zero, "a failed example returns the clean image");
        });
    }
}
