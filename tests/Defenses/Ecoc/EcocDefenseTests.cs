using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Defenses.Ecoc;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Ecoc;

public sealed class EcocDefenseTests
{
    [Test]
    public void Fit_SyntheticData_AccuracyAboveChanceAndBitsInOpenInterval()
    {
        var dataset = TestContexts.SmallCifar;
        using var train = SyntheticData.Create(dataset, 640, seed: 4);
        using var test = SyntheticData.CreateHeldOut(dataset, 200, seed: 4);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, dataset, recipe: TestContexts.FastRecipe with { Epochs = 4 });
        using var defense = RegisteredDefenses.Create<EcocDefense>(DefenseIds.Ecoc, context).Fit(context);

        var accuracy = TestContexts.Accuracy(defense.Predict(test.Images), test.Labels);
        Assert.That(accuracy, Is.GreaterThan(0.5), "chance is 0.1");
        using var bits = defense.Bits(test.Images);
        Assert.That(bits.shape, Is.EqualTo(new long[] { 200, 32 }));
        Assert.That(bits.abs().max().item<double>(), Is.LessThan(1.0), "tanh bits must lie in (−1, 1)");
        Assert.That(bits.abs().min().item<double>(), Is.GreaterThan(0.0));
        Assert.That(trainer.Requests.Single().ArchitectureId, Is.EqualTo("4x-" + ModelIds.SmallCnn));
    }

    [Test]
    public void AsClassifier_AfterFit_ArgMaxOfProbabilitiesAgreesWithPredictWherePositive()
    {
        var dataset = TestContexts.SmallCifar;
        using var train = SyntheticData.Create(dataset, 256, seed: 5);
        using var trainer = new RecordingNetworkTrainer();
        var context = TestContexts.Create(train, trainer, dataset, recipe: TestContexts.FastRecipe with { Epochs = 1 });
        using var defense = RegisteredDefenses.Create<EcocDefense>(DefenseIds.Ecoc, context).Fit(context);
        var images = train.Images.narrow(0, 0, 64);
        var logits = defense.AsClassifier()!.Logits(images);
        Assert.That(logits.shape, Is.EqualTo(new long[] { 64, 10 }));
        var predicted = defense.Predict(images);
        var positive = logits.max(1).values.gt(Math.Log(1e-6) + 1e-3); // some correlation > 0
        Assert.That(logits.argmax(1).masked_select(positive).equal(predicted.masked_select(positive)).all().item<bool>(), Is.True);
        Assert.That(defense.Traits.ForwardPassesPerQuery, Is.EqualTo(4));
    }

    [Test]
    public void Fit_EpochsSet_OverridesOnlyTheBackboneRecipesEpochs()
    {
        using var train = SyntheticData.Create(TestContexts.SmallCifar, 64, seed: 6);
        using var trainer = new RecordingNetworkTrainer();
        using var defense = new EcocDefense(new EcocOptions { Epochs = 3 }).Fit(TestContexts.Create(train, trainer, TestContexts.SmallCifar, recipe: TestContexts.FastRecipe with { Epochs = 1 }));
        Assert.That(trainer.Requests.Single().Recipe, Is.EqualTo(TestContexts.FastRecipe with { Epochs = 3 }));
    }

    [Test]
    public void AddDefense_CodeLengthNotDivisibleByNetworks_ThrowsNamingTheField()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddDefense<EcocDefense, EcocOptions>(DefenseIds.Ecoc, new EcocOptions { Networks = 3 }));
        Assert.That(error!.Message, Does.Contain("defenses.ecoc.networks"));
        Assert.That(services, Is.Empty, "nothing is registered with invalid options");
    }

    [Test]
    public void Create_ProfileSetsNetworks_TraitsKnownBeforeFit()
    {
        var sections = System.Text.Json.Nodes.JsonNode.Parse("""{ "defenses": { "ecoc": { "networks": 2 } } }""")!.AsObject();
        var configured = RegisteredDefenses.Create(DefenseIds.Ecoc, TestContexts.Profile(TestContexts.SmallCifar, sections));
        Assert.That(configured.Traits.ForwardPassesPerQuery, Is.EqualTo(2));
    }
}
