using System.Text.Json.Nodes;
using Robustness.Core.Artefacts;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Pruning.Masks;
using Robustness.Pruning.Tests.Support;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests;

public sealed class PruningVariantTests
{
    [Test]
    public void TrainOrLoad_WithPruningVariant_StoresPrunedNetworkAndReusesIt()
    {
        using var dir = new TempDirectory();
        using var problem = TinyProblem.Trained(count: 64);
        var options = new PruningOptions { Epochs = 1, RetrainEpochs = 1, BatchSize = 16, EvaluationSamples = 32 };
        var messages = new List<string>();
        var variant = new PruningVariant("slr-0.5-irregular", options, problem.Test.Take, messages.Add);
        var trainer = new NetworkTrainer(new ArtefactStore(dir.Path), CPU, variant);
        var request = new NetworkRequest("vanilla", "backbone", "tiny-cnn", new TrainingRecipe { Epochs = 1, BatchSize = 16, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3 }, 7);

        using var network = TinyNetworks.Cnn(3, width: 8);
        var first = trainer.TrainOrLoad(request, network, problem.Train);
        using var again = TinyNetworks.Cnn(3, seed: 99, width: 8);
        var second = trainer.TrainOrLoad(request, again, problem.Train);

        Assert.That(trainer.VariantId, Is.EqualTo("slr-0.5-irregular"));
        Assert.That(variant.Summaries, Has.Count.EqualTo(1), "pruned once, then loaded");
        Assert.That(second.FromCache, Is.True);
        Assert.That(second.ArtefactHash, Is.EqualTo(first.ArtefactHash));
        foreach (var layer in LayerSelection.Select(again, 0.5, new PruningScope()))
            Assert.That(layer.Weight.count_nonzero().item<long>(), Is.EqualTo(layer.Weight.numel() / 2), layer.Name);
        Assert.That(messages.Any(m => m.Contains("hard-pruned")), Is.True);
    }

    [Test]
    public void Apply_PruningVariant_MeasuresAccuraciesOnHeldOutImagesNotTrainingImages()
    {
        using var problem = TinyProblem.Trained(count: 64);
        var options = new PruningOptions { Epochs = 1, RetrainEpochs = 1, BatchSize = 16, EvaluationSamples = 40 };
        var requested = new List<int>();
        // Held-out labels all wrong for the network (shifted by one class): accuracy on them is exactly 0, while on the
        // training images the network is right on most.
        LabeledImages HeldOut(int n)
        {
            requested.Add(n);
            using var head = problem.Test.Take(n);
            return new LabeledImages(head.Images.clone(), (head.Labels + 1).remainder(10));
        }
        using var network = problem.CopyOfNetwork();
        var variant = new PruningVariant("slr-0.5-irregular", options, HeldOut);
        var request = new NetworkRequest("vanilla", "backbone", "tiny-cnn", new TrainingRecipe { Epochs = 1, BatchSize = 16 }, 7);
        variant.Apply(network, request, problem.Train, CPU);

        var summary = variant.Summaries.Single();
        Assert.That(requested, Is.EqualTo(new[] { 40 }));
        Assert.That(summary.DenseAccuracy, Is.LessThan(0.5), "the dense accuracy is measured on the held-out set");
        Assert.That(summary.HardPrunedAccuracy, Is.LessThan(0.5));
        Assert.That(summary.Log.Single().HardPrunedAccuracy, Is.LessThan(0.5));
    }

    [Test]
    public void Settings_DifferentProfileOptions_DifferentSettings()
    {
        LabeledImages None(int n) => throw new AssertionException("not evaluated");
        var two = new PruningVariant("slr-0.8-irregular", new PruningOptions { Epochs = 2 }, None);
        var five = new PruningVariant("slr-0.8-irregular", new PruningOptions { Epochs = 5 }, None);
        Assert.That(two.Settings["epochs"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(JsonNode.DeepEquals(two.Settings, five.Settings), Is.False);
        Assert.That(JsonNode.DeepEquals(two.Settings, new PruningVariant("slr-0.8-irregular", new PruningOptions { Epochs = 2 }, None).Settings), Is.True);
    }

    [Test]
    public void Create_DenseOrPruningId_GivesMatchingVariant()
    {
        var factory = new PruningVariantFactory();
        LabeledImages None(int n) => throw new AssertionException("not evaluated");
        Assert.That(factory.Create("dense", null, None), Is.SameAs(DenseVariant.Instance));
        Assert.That(factory.Create("admm-0.8-filter", null, None).Id, Is.EqualTo("admm-0.8-filter"));
        Assert.That(PruningVariantFactory.IsPruningId("magnitude-0.5-irregular"), Is.True);
        Assert.That(PruningVariantFactory.IsPruningId("dense"), Is.False);
    }
}
