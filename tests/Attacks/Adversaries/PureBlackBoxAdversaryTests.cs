using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Testing;
using Robustness.Testing.Adversaries;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class PureBlackBoxAdversaryTests
{
    private const string Options = """{ "surrogateArchitecture": "tiny-mlp", "pureBlackBoxEpochs": 1 }""";

    [Test]
    public void BuildSurrogate_ThrowingOracle_NeverCallsDefense()
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 50, seed: 1);
        var context = AdversaryFixture.Context(train, new LoopNetworkTrainer(), Options);
        using var result = new PureBlackBoxAdversary().BuildSurrogate(context, FakeDefense.Throwing(), new AdversaryBudget(0.5, 3));
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.Zero);
            Assert.That(result.OracleForwardPasses, Is.Zero);
            Assert.That(result.TrainingSetSize, Is.EqualTo(25));
            Assert.That(result.Agreement, Is.Null);
        });
    }

    [Test]
    public void BuildSurrogate_FirstQWithTrueLabels_TrainsOnExactlyThosePairs()
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 40, seed: 2);
        var trainer = new LoopNetworkTrainer(train: false);
        var oracle = new FakeDefense(AdversaryFixture.MeanLabels);
        using var result = new PureBlackBoxAdversary().BuildSurrogate(AdversaryFixture.Context(train, trainer, Options), oracle, new AdversaryBudget(0.25, 3));
        var (images, labels) = trainer.Seen.Single();
        Assert.Multiple(() =>
        {
            Assert.That(images.eq(train.Images.narrow(0, 0, 10)).all().item<bool>(), Is.True);
            Assert.That(labels.eq(train.Labels.narrow(0, 0, 10)).all().item<bool>(), Is.True);
            Assert.That(oracle.Calls, Is.Zero);
        });
    }

    /// <summary>
    /// Training is sized in optimiser steps: 2 epochs over the full 300-image set at batch 16 are 2 × 19 = 38 steps;
    /// at q = 10 % (30 images, 2 batches an epoch) the same 38 steps take 19 epochs, not 2 epochs of 4 steps.
    /// </summary>
    [TestCase(1.0, 2)]
    [TestCase(0.1, 19)]
    [TestCase(0.01, 38)]
    public void BuildSurrogate_SmallQ_RunsAsManyOptimiserStepsAsTheFullSet(double q, int expectedEpochs)
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 300, seed: 3);
        var trainer = new LoopNetworkTrainer(train: false);
        var context = AdversaryFixture.Context(train, trainer, """{ "surrogateArchitecture": "tiny-mlp", "pureBlackBoxEpochs": 2, "batchSize": 16 }""");
        using var result = new PureBlackBoxAdversary().BuildSurrogate(context, FakeDefense.Throwing(), new AdversaryBudget(q, 3));
        var recipe = trainer.Requests.Single().Recipe;
        var batchesPerEpoch = (result.TrainingSetSize + 15) / 16;
        Assert.Multiple(() =>
        {
            Assert.That(recipe.Epochs, Is.EqualTo(expectedEpochs));
            Assert.That(recipe.Epochs * batchesPerEpoch, Is.EqualTo(38), "optimiser steps");
        });
    }

    [TestCase(DatasetIds.Cifar10, 300, 300 * 391)]
    [TestCase(DatasetIds.FashionMnist, 100, 100 * 469)]
    public void Options_PaperProfile_PaperEpochsOnTheFullSetAndDropoutSurrogate(string dataset, int epochs, long steps)
    {
        var options = ProfileCatalog.Default().Get(ProfileNames.Paper, dataset).Section(AdversaryOptions.SectionName, new AdversaryOptions()).Validated();
        var fullTrainingSet = DatasetIds.Cifar10 == dataset ? 50_000 : 60_000;
        Assert.Multiple(() =>
        {
            Assert.That(options.PureBlackBoxEpochs, Is.EqualTo(epochs));
            Assert.That(options.PureBlackBoxSteps(fullTrainingSet), Is.EqualTo(steps));
            Assert.That(options.SurrogateArchitecture, Is.EqualTo(ModelIds.SurrogateCnnDropout));
        });
    }

    [Test]
    public void BuildSurrogate_DifferentOracles_SameArtefactKeySoSurrogateIsShared()
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 20, seed: 2);
        var first = new LoopNetworkTrainer(train: false);
        var second = new LoopNetworkTrainer(train: false);
        using var a = new PureBlackBoxAdversary().BuildSurrogate(AdversaryFixture.Context(train, first, Options, oracleKey: "vanilla"), FakeDefense.Throwing(), new AdversaryBudget(1, 4));
        using var b = new PureBlackBoxAdversary().BuildSurrogate(AdversaryFixture.Context(train, second, Options, oracleKey: "bart"), FakeDefense.Throwing(), new AdversaryBudget(1, 4));
        Assert.That(a.ArtefactHash, Is.EqualTo(b.ArtefactHash));
    }

    [Test]
    public void BuildSurrogate_HeldOutGiven_MeasuresAgreementOutsideBuildingOnly()
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, 20, seed: 2);
        using var heldOut = SyntheticData.CreateHeldOut(AdversaryFixture.Dataset, 16, seed: 2);
        var oracle = new FakeDefense(AdversaryFixture.MeanLabels);
        using var result = new PureBlackBoxAdversary().BuildSurrogate(
            AdversaryFixture.Context(train, new LoopNetworkTrainer(train: false), Options, heldOut.Images), oracle, new AdversaryBudget(1, 4));
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.Zero, "agreement measurement is not an adversary query");
            Assert.That(oracle.ImagesSeen, Is.EqualTo(16), "only the held-out images were shown to the oracle");
            Assert.That(result.Agreement, Is.InRange(0.0, 1.0));
        });
    }
}
