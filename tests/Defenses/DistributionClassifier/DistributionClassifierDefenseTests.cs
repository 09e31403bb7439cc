using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Defenses.DistributionClassifier;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;

namespace Robustness.Defenses.Tests.DistributionClassifier;

[NonParallelizable]
public sealed class DistributionClassifierDefenseTests
{
    private const int Samples = 16;
    private LabeledImages train = null!;
    private LabeledImages test = null!;

    [OneTimeSetUp]
    public void CreateData() => (train, test) = DefenseFixture.Data(train: 600, test: 200, smooth: true);

    [OneTimeTearDown]
    public void Release()
    {
        train.Dispose();
        test.Dispose();
    }

    [Test]
    public void Predict_SameSeed_SamePrediction()
    {
        using var first = Fitted(seed: 4);
        using var second = Fitted(seed: 4);
        using var images = test.Images.narrow(0, 0, 60);
        using var a = first.Predict(images);
        using var b = second.Predict(images);
        Assert.That(b.data<long>().ToArray(), Is.EqualTo(a.data<long>().ToArray()));
    }

    [Test]
    public void Predict_SmokeData_BothRulesAboveChance()
    {
        using var defense = Fitted(seed: 0);
        var (distribution, vote) = defense.PredictBoth(test.Images);
        using var _ = distribution;
        using var __ = vote;
        double dc = DefenseFixture.Accuracy(distribution, test.Labels), mv = DefenseFixture.Accuracy(vote, test.Labels);
        TestContext.Out.WriteLine($"distribution-classifier smoke ({Samples} samples): distribution classifier {dc:P1}, majority vote {mv:P1}");
        Assert.That(dc, Is.GreaterThan(0.3));
        Assert.That(mv, Is.GreaterThan(0.3));
        Assert.That(distribution.dtype, Is.EqualTo(TorchSharp.torch.int64));
        Assert.That(defense.Traits, Is.EqualTo(new DefenseTraits(Randomized: true, CanReject: false, Differentiable: false, ForwardPassesPerQuery: Samples)));
    }

    [Test]
    public void Fit_SecondStage_TrainsOnlyOnTrainingImagesTheBackboneClassifiesCorrectly()
    {
        using var defense = Fitted(seed: 0);
        var indices = defense.SecondStageTrainingIndices;
        using var index = TorchSharp.torch.tensor(indices.ToArray());
        using var predicted = defense.Backbone.PredictLabels(train.Images.index_select(0, index));
        using var labels = train.Labels.index_select(0, index);
        using var allPredicted = defense.Backbone.PredictLabels(train.Images);
        var correctInOrder = allPredicted.eq(train.Labels).nonzero().flatten().data<long>().Take(300).ToArray();
        TestContext.Out.WriteLine($"second stage: {indices.Count} images, backbone training accuracy {allPredicted.eq(train.Labels).to_type(TorchSharp.torch.ScalarType.Float32).mean().item<float>():P1}");
        Assert.That(predicted.eq(labels).all().item<bool>(), Is.True, "every second-stage image is correctly classified");
        Assert.That(indices, Is.EqualTo(correctInOrder), "the first trainImages (300) correct ones, in dataset order");
    }

    [Test]
    public void Create_BadMinScale_ThrowsNamingTheField()
    {
        var sections = new JsonObject { ["defenses"] = new JsonObject { [DefenseIds.DistributionClassifier] = new JsonObject { ["minScale"] = 1.5 } } };
        var error = Assert.Throws<InvalidDataException>(() => RegisteredDefenses.Create(DefenseIds.DistributionClassifier, DefenseFixture.Context(train, sections: sections).Profile));
        Assert.That(error!.Message, Does.Contain("defenses.distribution-classifier.minScale"));
    }

    private FittedDistributionClassifierDefense Fitted(long seed)
    {
        var sections = new JsonObject
        {
            ["defenses"] = new JsonObject
            {
                [DefenseIds.DistributionClassifier] = new JsonObject { ["samples"] = Samples, ["bins"] = 20, ["trainImages"] = 300, ["chunkImages"] = 32 },
            },
        };
        var context = DefenseFixture.Context(train, seed: seed, sections: sections);
        return RegisteredDefenses.Create<DistributionClassifierDefense>(DefenseIds.DistributionClassifier, context).Fit(context);
    }
}
