using NUnit.Framework;
using System.Text.Json.Nodes;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Defenses.Adp;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Adp;

public sealed class AdpDefenseTests
{
    [Test]
    public void Fit_SyntheticData_AccuracyAboveChanceAndMembersStayDistinct()
    {
        using var train = SyntheticData.Create(TestContexts.SmallCifar, 640, seed: 1);
        using var test = SyntheticData.CreateHeldOut(TestContexts.SmallCifar, 200, seed: 1);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, recipe: TestContexts.FastRecipe with { Epochs = 5 });
        using var defense = RegisteredDefenses.Create<AdpDefense>(DefenseIds.Adp, context).Fit(context);

        var accuracy = TestContexts.Accuracy(defense.Predict(test.Images), test.Labels);
        Assert.That(accuracy, Is.GreaterThan(0.5), "chance is 0.1");

        using var probabilities = defense.MemberProbabilities(test.Images);
        Assert.That(probabilities.shape, Is.EqualTo(new long[] { 200, 3, 10 }));
        for (var a = 0; a < 3; a++)
            for (var b = a + 1; b < 3; b++)
            {
                var distance = (probabilities.select(1, a) - probabilities.select(1, b)).abs().sum(1).mean().item<float>();
                Assert.That(distance, Is.GreaterThan(0.05), $"members {a} and {b} have collapsed to the same prediction");
            }
    }

    [Test]
    public void Predict_AfterFit_EqualsArgMaxOfAveragedMemberSoftmax()
    {
        using var train = SyntheticData.Create(DatasetInfo.FashionMnist, 256, seed: 2);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, DatasetInfo.FashionMnist, recipe: TestContexts.FastRecipe with { Epochs = 1 });
        using var defense = RegisteredDefenses.Create<AdpDefense>(DefenseIds.Adp, context).Fit(context);
        var images = train.Images.narrow(0, 0, 64);
        using var probabilities = defense.MemberProbabilities(images);
        var expected = probabilities.mean([1L]).argmax(1);
        var predicted = defense.Predict(images);
        Assert.That(predicted.dtype, Is.EqualTo(int64));
        Assert.That(predicted.eq(expected).all().item<bool>(), Is.True);
    }

    [Test]
    public void Fit_ProfileSection_OverridesDefaultsAndKeysTheArtefact()
    {
        using var train = SyntheticData.Create(DatasetInfo.FashionMnist, 64, seed: 3);
        using var trainer = new RecordingNetworkTrainer();
        var sections = JsonNode.Parse("""{ "defenses": { "adp": { "beta": 0.25, "members": 2 } } }""")!.AsObject();
        var context = TestContexts.Create(train, trainer, DatasetInfo.FashionMnist, sections, recipe: TestContexts.FastRecipe with { Epochs = 1 });
        var configured = RegisteredDefenses.Create<AdpDefense>(DefenseIds.Adp, context);
        Assert.That(configured.Options.Beta, Is.EqualTo(0.25));
        Assert.That(configured.Options.Alpha, Is.EqualTo(2.0));
        Assert.That(configured.Traits.ForwardPassesPerQuery, Is.EqualTo(2), "the traits follow the profile before Fit");
        Assert.That(trainer.Requests, Is.Empty);
        using var defense = configured.Fit(context);
        Assert.That(defense.Traits, Is.EqualTo(configured.Traits));
        var request = trainer.Requests.Single();
        Assert.That(request.Owner, Is.EqualTo(DefenseIds.Adp));
        Assert.That(request.Config!["beta"], Is.EqualTo("0.25"));
        Assert.That(request.ArchitectureId, Is.EqualTo("2x-" + ModelIds.SmallCnn));
    }

    [Test]
    public void Traits_Default_DeterministicThreePassesNoReject()
    {
        var defense = new AdpDefense(new AdpOptions());
        Assert.That(defense.Traits, Is.EqualTo(new Core.Contracts.DefenseTraits(false, false, true, 3)));
    }

    [Test]
    public void Fit_Twice_ReturnsIndependentFittedDefenses()
    {
        using var train = SyntheticData.Create(DatasetInfo.FashionMnist, 64, seed: 4);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, DatasetInfo.FashionMnist, recipe: TestContexts.FastRecipe with { Epochs = 1 });
        var configured = RegisteredDefenses.Create<AdpDefense>(DefenseIds.Adp, context);
        var images = train.Images.narrow(0, 0, 16);
        var first = configured.Fit(context);
        using var firstAnswers = first.Predict(images);
        using var second = configured.Fit(context);
        Assert.That(second, Is.Not.SameAs(first));
        first.Dispose();
        using var secondAnswers = second.Predict(images);
        Assert.That(secondAnswers.eq(firstAnswers).all().item<bool>(), Is.True, "releasing one fit leaves the other intact; same seed, same members");
    }
}
