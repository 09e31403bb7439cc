using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Testing;
using Robustness.Testing.Adversaries;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class OracleJacobianRejectTests
{
    [TestCase("relabelAll")]
    [TestCase("newOnly")]
    public void BuildSurrogate_OracleRejectsBrightCorner_RejectedImagesNeverEnterTrainingSet(string labelling)
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 40, seed: 5);
        var trainer = new LoopNetworkTrainer(train: false);
        var context = AdversaryFixture.Context(train, trainer, $$"""{ "surrogateArchitecture": "tiny-mlp", "rounds": 3, "epochsPerRound": 1, "labelling": "{{labelling}}" }""");
        // Reject exactly the images whose top-left pixel is brighter than 0.5: a property of the image itself.
        var oracle = new FakeDefense(
            images => AdversaryFixture.MeanLabels(images).masked_fill(images[.., 0, 0, 0].gt(0.5), Labels.Reject), canReject: true);

        using var result = new OracleJacobianAdversary().BuildSurrogate(context, oracle, new AdversaryBudget(1.0, 1));

        Assert.That(oracle.Rejected, Is.Not.Empty, "the fake oracle must reject something for this test to mean anything");
        Assert.That(trainer.Seen, Has.Count.EqualTo(3));
        foreach (var (images, labels) in trainer.Seen)
        {
            Assert.That(labels.eq(Labels.Reject).any().item<bool>(), Is.False, "a Reject label reached the trainer");
            Assert.That(images[.., 0, 0, 0].gt(0.5).any().item<bool>(), Is.False, "a rejected image reached the trainer");
            Assert.That(labels.eq(AdversaryFixture.MeanLabels(images)).all().item<bool>(), Is.True, "training labels are the oracle's answers");
        }
        Assert.That(result.Rejected, Is.EqualTo(oracle.Rejected.Sum(t => t.shape[0])));
    }

    [Test]
    public void BuildSurrogate_OracleRejectsEverything_ThrowsNamingDataset()
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 8, seed: 5);
        var context = AdversaryFixture.Context(train, new LoopNetworkTrainer(train: false), """{ "surrogateArchitecture": "tiny-mlp" }""");
        var oracle = new FakeDefense(images => TorchSharp.torch.full(images.shape[0], Labels.Reject, dtype: TorchSharp.torch.int64), canReject: true);
        var error = Assert.Throws<InvalidOperationException>(() => new OracleJacobianAdversary().BuildSurrogate(context, oracle, new AdversaryBudget(1.0, 1)));
        Assert.That(error!.Message, Does.Contain("fashion-mnist").And.Contain("rejected all 8"));
    }
}
