using Robustness.Core.Artefacts;
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
        var variant = new PruningVariant("slr-0.5-irregular", options, messages.Add);
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
    public void Create_DenseOrPruningId_GivesMatchingVariant()
    {
        var factory = new PruningVariantFactory();
        Assert.That(factory.Create("dense"), Is.SameAs(DenseVariant.Instance));
        Assert.That(factory.Create("admm-0.8-filter").Id, Is.EqualTo("admm-0.8-filter"));
        Assert.That(PruningVariantFactory.IsPruningId("magnitude-0.5-irregular"), Is.True);
        Assert.That(PruningVariantFactory.IsPruningId("dense"), Is.False);
    }
}
