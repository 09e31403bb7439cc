using Robustness.Core.Training;
using Robustness.Pruning;
using Robustness.Pruning.Tests.Support;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests;

/// <summary>A pruning variant reports its SLR epochs and its masked retraining batch by batch, named after the network it prunes.</summary>
public sealed class PruningVariantProgressTests
{
    [Test]
    public void Apply_WithASink_ReportsEveryPhaseEpochAndBatchWithTheirTotals()
    {
        using var problem = TinyProblem.Trained(count: 64);
        var options = new PruningOptions { Epochs = 2, RetrainEpochs = 1, BatchSize = 16, EvaluationSamples = 32 };
        var reports = new List<TrainingProgress>();
        var variant = new PruningVariant("slr-0.5-irregular", options, problem.Test.Take, progress: new Recorder(reports));
        using var network = problem.CopyOfNetwork();
        variant.Apply(network, new NetworkRequest("vanilla", "backbone", "tiny-cnn", new TrainingRecipe { Epochs = 1, BatchSize = 16 }, 7), problem.Train, CPU);

        var slr = reports.Where(r => r.Name == "vanilla/backbone slr-0.5-irregular: slr").ToList();
        var retrain = reports.Where(r => r.Name == "vanilla/backbone slr-0.5-irregular: retrain").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reports, Has.Count.EqualTo(slr.Count + retrain.Count), "every report is named after the pruned network");
            Assert.That(slr.Select(r => (r.Epoch, r.Batch)), Is.EqualTo(new[] { (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (2, 3), (2, 4) }));
            Assert.That(slr.Select(r => (r.Epochs, r.Batches, r.ImagesTotal)), Is.All.EqualTo((2, 4, 128L)));
            Assert.That(slr.Select(r => r.ImagesDone), Is.EqualTo(new long[] { 16, 32, 48, 64, 80, 96, 112, 128 }));
            Assert.That(retrain.Select(r => (r.Epoch, r.Epochs, r.Batch, r.ImagesDone, r.ImagesTotal)).Last(), Is.EqualTo((1, 1, 4, 64L, 64L)));
        });
    }

    private sealed class Recorder(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
