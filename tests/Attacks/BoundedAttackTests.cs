using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

[TestFixtureSource(typeof(BoundedAttackTests), nameof(Ids))]
public sealed class BoundedAttackTests(string attackId)
{
    public static IEnumerable<string> Ids => AttackIds.Bounded;

    [Test]
    public void Run_RandomInputsAndEpsilon_StaysInBallAndImageRange(
        [Random(0, 10_000, 3)] int seed, [Values(NormKind.Linf, NormKind.L2)] NormKind norm)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        var epsilon = norm == NormKind.Linf ? 0.005 + 0.3 * rand(1, generator: generator).item<float>() : 0.1 + 3 * rand(1, generator: generator).item<float>();
        var images = rand(new long[] { 9, 3, 16, 16 }, generator: generator);
        images = where(images.lt(0.1), zeros_like(images), where(images.gt(0.9), ones_like(images), images));
        var labels = randint(0, 10, new long[] { 9 }, generator: generator);
        using var result = TestAttacks.Create(attackId, epsilon, batchSize: 4)
            .Run(TrainedCnn.Model, images, labels, AttackGoal.Untargeted(epsilon, norm), generator);
        var norms = norm == NormKind.Linf ? result.Linf : result.L2;
        Assert.Multiple(() =>
        {
            Assert.That(result.Adversarial.shape, Is.EqualTo(images.shape));
            Assert.That(result.Adversarial.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
            Assert.That(result.Adversarial.max().item<float>(), Is.LessThanOrEqualTo(1f));
            Assert.That(norms.max().item<float>(), Is.LessThanOrEqualTo(epsilon * (1 + 1e-5) + 1e-6));
            Assert.That(result.L2.min().item<float>(), Is.GreaterThan(0f), "every example must move");
        });
    }

    [Test]
    public void Run_TargetedGoal_StaysInBall([Values(NormKind.Linf, NormKind.L2)] NormKind norm)
    {
        using var scope = NewDisposeScope();
        var data = TrainedCnn.Test;
        var epsilon = norm == NormKind.Linf ? 0.1 : 1.5;
        var targets = (data.Labels + 1).remainder(10);
        using var result = TestAttacks.Create(attackId, epsilon)
            .Run(TrainedCnn.Model, data.Images, data.Labels, AttackGoal.TargetedAt(targets, epsilon, norm), new Generator(5));
        var norms = norm == NormKind.Linf ? result.Linf : result.L2;
        Assert.That(norms.max().item<float>(), Is.LessThanOrEqualTo(epsilon * (1 + 1e-5) + 1e-6));
    }
}
