using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Training;

public sealed class TrainerTests
{
    private static readonly TrainingRecipe Quick = new()
    {
        Epochs = 2, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 0.002, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
    };

    private string dir = "";

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("trainer-tests-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static nn.Module<Tensor, Tensor> NewModel(long seed = 1)
    {
        manual_seed(seed);
        return new ModelZoo().Create(ModelIds.SmallCnn, new ModelSpec(DatasetInfo.Cifar10));
    }

    [Test]
    public void Train_SyntheticProblem_LearnsIt()
    {
        using var train = SyntheticData.Create(DatasetInfo.Cifar10, 320, seed: 3);
        using var test = SyntheticData.CreateHeldOut(DatasetInfo.Cifar10, 200, seed: 3);
        using var model = NewModel();
        var outcome = new Trainer { Recipe = Quick, Seed = 5 }.Train(model, train);
        var accuracy = ClassifierAccuracy.Evaluate(new ModuleClassifier(model, 10, CPU), test);
        Assert.That(accuracy, Is.GreaterThan(0.9));
        Assert.That(outcome.EpochLosses, Has.Count.EqualTo(2));
        Assert.That(outcome.EpochLosses[1], Is.LessThan(outcome.EpochLosses[0]));
    }

    [Test]
    public void Train_KilledAfterFirstEpoch_ResumesToTheSameWeights([Values(OptimizerKind.Sgd, OptimizerKind.Adam)] OptimizerKind optimizer)
    {
        var recipe = Quick with { Epochs = 3, Optimizer = optimizer, LearningRate = optimizer == OptimizerKind.Sgd ? 0.05 : 0.002, Augmentation = Augmentation.PadCropFlip, Schedule = LearningRateSchedule.Cosine };
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 64, seed: 4);
        using var whole = NewModel();
        new Trainer { Recipe = recipe, Seed = 9 }.Train(whole, data);

        using var cancel = new CancellationTokenSource();
        using var first = NewModel();
        var interrupted = new Trainer { Recipe = recipe, Seed = 9, CheckpointDirectory = dir, AfterEpoch = e => { if (e.Epoch == 1) cancel.Cancel(); } };
        Assert.Throws<OperationCanceledException>(() => interrupted.Train(first, data, cancel.Token));

        using var second = NewModel(seed: 77);
        var messages = new List<string>();
        var outcome = new Trainer { Recipe = recipe, Seed = 9, CheckpointDirectory = dir, Log = messages.Add }.Train(second, data);
        Assert.That(outcome.ResumedFromEpoch, Is.EqualTo(1));
        Assert.That(outcome.EpochsRun, Is.EqualTo(2));
        Assert.That(messages, Has.Some.Contains("resuming from epoch 1"));
        foreach (var (a, b) in whole.parameters().Zip(second.parameters()))
            Assert.That(a.eq(b).all().item<bool>(), Is.True, "resumed run must reproduce the uninterrupted run exactly");
    }

    [Test]
    public void Train_CheckpointOfAnotherRecipe_Throws()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 64, seed: 4);
        using var model = NewModel();
        new Trainer { Recipe = Quick with { Epochs = 1 }, CheckpointDirectory = dir }.Train(model, data);
        Assert.That(() => new Trainer { Recipe = Quick with { Epochs = 1, LearningRate = 0.5 }, CheckpointDirectory = dir }.Train(model, data),
            Throws.InvalidOperationException.With.Message.Contains("another run"));
    }

    [Test]
    public void Train_ManyBatches_LiveTensorCountStaysFlat()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 64, seed: 2);
        using var model = NewModel();
        var live = new List<long>();
        var trainer = new Trainer
        {
            Recipe = Quick with { Epochs = 4, BatchSize = 8, Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Augmentation = Augmentation.PadCropFlip },
            AfterEpoch = _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount),
            Penalty = () => zeros(1).sum(),
        };
        trainer.Train(model, data);
        Assert.That(live, Has.Count.EqualTo(4));
        Assert.That(live[3], Is.LessThanOrEqualTo(live[1]), $"live tensors per epoch: {string.Join(", ", live)}");
    }

    [Test]
    public void Train_Hooks_PenaltyAddsToLossAndAfterStepRunsEveryBatch()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 50, seed: 2);
        using var model = NewModel();
        int steps = 0, epochs = 0;
        var outcome = new Trainer
        {
            Recipe = Quick with { Epochs = 2, BatchSize = 25 },
            Penalty = () => tensor(5f), AfterStep = () => steps++, AfterEpoch = _ => epochs++,
        }.Train(model, data);
        Assert.That(steps, Is.EqualTo(4));
        Assert.That(epochs, Is.EqualTo(2));
        Assert.That(outcome.FinalLoss, Is.GreaterThan(5.0));
    }

    [Test]
    public void Train_CustomLossAndTransform_AreUsed()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 64, seed: 2);
        using var model = NewModel();
        var transformed = 0;
        var outcome = new Trainer
        {
            Recipe = Quick with { Epochs = 1 },
            Loss = (output, inputs, labels) => output.pow(2).mean() * 0 + 3,
            InputTransform = (images, generator) => { transformed++; return images.flip(3); },
        }.Train(model, data);
        Assert.That(transformed, Is.EqualTo(2));
        Assert.That(outcome.FinalLoss, Is.EqualTo(3.0).Within(1e-5));
    }

    [Test]
    public void Progress_IsReportedPerBatch_WithImagesPerSecond()
    {
        using var data = SyntheticData.Create(DatasetInfo.Cifar10, 64, seed: 2);
        using var model = NewModel();
        var reports = new List<TrainingProgress>();
        new Trainer { Recipe = Quick with { Epochs = 1 }, Progress = new SyncProgress(reports.Add) }.Train(model, data);
        Assert.That(reports, Has.Count.EqualTo(2));
        Assert.That(reports[^1].ImagesDone, Is.EqualTo(64));
        Assert.That(reports.All(r => r.ImagesPerSecond > 0 && double.IsFinite(r.Loss)), Is.True);
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
