using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

[TestFixtureSource(typeof(DeterminismAndSafetyTests), nameof(Ids))]
public sealed class DeterminismAndSafetyTests(string attackId)
{
    public static IEnumerable<string> Ids => AttackIds.All;

    private static AttackResult Attack(string id, int seed, LabeledImagesView data) =>
        TestAttacks.Create(id, 0.1).Run(TrainedCnn.Model, data.Images, data.Labels, AttackGoal.Untargeted(0.1), new Generator((ulong)seed));

    [Test]
    public void Run_SameSeed_IdenticalAdversarialImages()
    {
        using var scope = NewDisposeScope();
        var data = LabeledImagesView.First(24);
        using var first = Attack(attackId, 42, data);
        using var second = Attack(attackId, 42, data);
        Assert.Multiple(() =>
        {
            Assert.That(first.Adversarial.equal(second.Adversarial).all().item<bool>(), Is.True);
            Assert.That(first.Iterations.equal(second.Iterations).all().item<bool>(), Is.True);
        });
    }

    [Test]
    public void Run_AnyAttack_ModelParametersReceiveNoGradientAndStayUnchanged()
    {
        using var scope = NewDisposeScope();
        var module = TrainedCnn.Model.Module;
        var before = module.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        var data = LabeledImagesView.First(16);
        using var result = Attack(attackId, 1, data);
        Assert.Multiple(() =>
        {
            Assert.That(module.training, Is.False, "the attack must never switch the model to train mode");
            foreach (var p in module.parameters()) Assert.That(p.grad, Is.Null, "a parameter received a gradient");
            foreach (var (name, value) in module.state_dict()) Assert.That(value.equal(before[name]).all().item<bool>(), Is.True, name);
            Assert.That(result.L2.max().item<float>(), Is.GreaterThan(0f), "the attack must actually perturb");
        });
    }

    [Test]
    public void Run_ManyBatches_LiveTensorCountIsFlat()
    {
        var data = LabeledImagesView.First(8);
        void Once()
        {
            using var result = TestAttacks.Create(attackId, 0.1, batchSize: 4)
                .Run(TrainedCnn.Model, data.Images, data.Labels, AttackGoal.Untargeted(0.1), new Generator(3));
        }
        Once();
        var baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 5; i++) Once();
        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var canary = ones(1))
            Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(after + 1), "the counter must see a live tensor");
        Assert.That(after, Is.EqualTo(baseline));
    }

    [Test]
    public void Run_Always_DoesNotModifyInputs()
    {
        using var scope = NewDisposeScope();
        var data = LabeledImagesView.First(8);
        var images = data.Images.clone();
        var labels = data.Labels.clone();
        using var result = TestAttacks.Create(attackId, 0.1)
            .Run(TrainedCnn.Model, images, labels, AttackGoal.Untargeted(0.1), new Generator(3));
        Assert.Multiple(() =>
        {
            Assert.That(images.equal(data.Images).all().item<bool>(), Is.True);
            Assert.That(labels.equal(data.Labels).all().item<bool>(), Is.True);
        });
    }
}

/// <summary>The first examples of the trained CNN's held-out set (views; nothing to dispose).</summary>
public sealed record LabeledImagesView(Tensor Images, Tensor Labels)
{
    public static LabeledImagesView First(int count) =>
        new(TrainedCnn.Test.Images.narrow(0, 0, count), TrainedCnn.Test.Labels.narrow(0, 0, count));
}
