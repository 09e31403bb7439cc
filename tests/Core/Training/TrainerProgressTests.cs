using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Training;

/// <summary>What a training run reports to its progress sink: every batch, with the run's true totals, and nothing else changed.</summary>
public sealed class TrainerProgressTests
{
    private static readonly TrainingRecipe Recipe = new()
    {
        Epochs = 2, BatchSize = 4, Optimizer = OptimizerKind.Adam, LearningRate = 0.002, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
    };

    private static nn.Module<Tensor, Tensor> NewModel()
    {
        manual_seed(1);
        return new ModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(DatasetInfo.Cifar10));
    }

    [TestCase(10, 3, 10)] // batches of 4, 4, 2
    [TestCase(9, 2, 8)]   // the trailing one-image batch is folded away: 8 images an epoch
    public void Train_WithASink_ReportsEveryBatchWithTheRunsTotals(int count, int batches, int perEpoch)
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, count, seed: 3);
        using var model = NewModel();
        var reports = new List<TrainingProgress>();
        new Trainer { Recipe = Recipe, Seed = 5, Progress = new Recorder(reports) }.Train(model, data);

        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => (r.Epoch, r.Batch)),
                Is.EqualTo(Enumerable.Range(1, 2).SelectMany(e => Enumerable.Range(1, batches).Select(b => (e, b)))));
            Assert.That(reports.Select(r => r.Batches), Is.All.EqualTo(batches));
            Assert.That(reports.Select(r => r.Epochs), Is.All.EqualTo(2));
            Assert.That(reports.Select(r => r.ImagesTotal), Is.All.EqualTo(2 * perEpoch));
            Assert.That(reports.Select(r => r.ImagesDone), Is.Ordered.Ascending);
            Assert.That(reports.Select(r => r.ImagesDone), Is.All.LessThanOrEqualTo(2 * perEpoch));
            Assert.That(reports[batches - 1].ImagesDone, Is.EqualTo(perEpoch), "end of epoch 1");
            Assert.That(reports[^1].ImagesDone, Is.EqualTo(reports[^1].ImagesTotal), "the last report is the whole run");
            Assert.That(reports[^1].Eta, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Train_WithAndWithoutASink_GivesTheSameWeights()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 10, seed: 3);
        using var silent = NewModel();
        new Trainer { Recipe = Recipe, Seed = 5 }.Train(silent, data);
        using var watched = NewModel();
        new Trainer { Recipe = Recipe, Seed = 5, Progress = new Recorder([]) }.Train(watched, data);
        foreach (var (a, b) in silent.parameters().Zip(watched.parameters()))
            Assert.That(a.eq(b).all().item<bool>(), Is.True, "reporting progress must not change the computation");
    }

    private sealed class Recorder(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
