using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Defenses.Bart;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.InputTransformSupport;
using Robustness.Testing;

namespace Robustness.Defenses.Tests.Bart;

public sealed class BartDefenseTests
{
    [TestCase(DatasetIds.Cifar10)]
    [TestCase(DatasetIds.FashionMnist)]
    public void Predict_SmokeData_AboveChanceWithBackboneTrainedOnBarrage(string datasetId)
    {
        var dataset = DatasetInfo.FromId(datasetId);
        using var train = SmoothSyntheticData.Create(dataset, 600, seed: 31);
        using var test = SmoothSyntheticData.CreateHeldOut(dataset, 200, seed: 31);
        using var artefacts = new TempDirectory();
        var context = TestContexts.Smoke(dataset, train, artefacts, out var trainer);
        using var defense = RegisteredDefenses.Create<BartDefense>(DefenseIds.Bart, context).Fit(context);
        var predictions = defense.Predict(test.Images);
        var accuracy = TestContexts.Accuracy(predictions, test.Labels);
        var untransformed = TestContexts.Accuracy(defense.Backbone.PredictLabels(test.Images), test.Labels);
        TestContext.Out.WriteLine($"{datasetId}: BaRT (k = {defense.Barrage.TransformCount}) clean accuracy {accuracy:P1} (its backbone without transforms {untransformed:P1})");
        Assert.That(accuracy, Is.GreaterThan(0.3), "chance is 10 %");
        Assert.That(defense.Traits.Randomized, Is.True);
        var request = trainer.Calls[0].Request;
        Assert.That(request.Owner, Is.EqualTo(DefenseIds.Bart));
        Assert.That(request.InputTransform, Is.Not.Null, "the backbone is trained on barrage-transformed images");
        Assert.That(request.Config!["transformCount"], Is.EqualTo(defense.Barrage.TransformCount.ToString()));
        using (var batch = test.Images.narrow(0, 0, 64))
        using (var transformed = request.InputTransform!(batch, new TorchSharp.torch.Generator(5)))
        {
            // Training draws round(k·u) groups: with k = 2 a quarter of the images (count 0) pass unchanged.
            var unchanged = transformed.eq(batch).flatten(1).all(1).sum().item<long>();
            Assert.That(unchanged, Is.InRange(6L, 28L), "training images get a random number of transforms, 0 included");
        }

        // A second instance fitted on the same context loads the cached backbone and, seeded alike, answers alike.
        using var again = RegisteredDefenses.Create<BartDefense>(DefenseIds.Bart, context).Fit(context);
        Assert.That(trainer.Calls[1].Report.FromCache, Is.True);
        Assert.That(again.Predict(test.Images).eq(predictions).all().item<bool>(), Is.True, "same seed, same answers");
    }
}
