using System.Diagnostics;
using System.Text.Json;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// Trains a module on labelled images with a <see cref="TrainingRecipe"/>. Each epoch draws its shuffle and its
/// augmentation from its own generator seeded by (seed, epoch), and re-seeds torch's global generator (dropout)
/// the same way, so a run resumed from a checkpoint reproduces the uninterrupted run. The learning-rate schedule is
/// applied per batch. Every batch runs in its own dispose scope. The data goes to the device once (see
/// <see cref="LabeledImages.On"/>) and batches are sliced there; the loss accumulates on the device and is read on the
/// host every batch on the CPU but only every <see cref="HostReadInterval"/> batches elsewhere, so a GPU's queue
/// is not drained after every step (the shuffle and augmentation draws stay on the CPU generator: same numbers
/// on every device).
/// </summary>
public sealed class Trainer
{
    /// <summary>Batches between host reads of the loss (progress, divergence check) on a non-CPU device.</summary>
    public const int HostReadInterval = 25;

    public required TrainingRecipe Recipe { get; init; }
    public Device Device { get; init; } = CPU;
    public long Seed { get; init; }
    public string Name { get; init; } = "training";
    /// <summary>The objective; default cross-entropy of the output against the labels.</summary>
    public TrainingLoss? Loss { get; init; }
    /// <summary>Applied to each batch after the recipe's augmentation.</summary>
    public BatchTransform? InputTransform { get; init; }
    /// <summary>An extra term added to every batch's loss (e.g. ADMM/SLR proximity penalties).</summary>
    public Func<Tensor>? Penalty { get; init; }
    /// <summary>Called after every optimizer step (e.g. masked retraining re-applies masks here).</summary>
    public Action? AfterStep { get; init; }
    public Action<EpochResult>? AfterEpoch { get; init; }
    /// <summary>Where per-epoch checkpoints go; a run finding one there resumes after its epoch. Null: none.</summary>
    public string? CheckpointDirectory { get; init; }
    public IProgress<TrainingProgress>? Progress { get; init; }
    /// <summary>One-line messages ("resuming from epoch k").</summary>
    public Action<string>? Log { get; init; }

    public TrainingOutcome Train(nn.Module<Tensor, Tensor> model, LabeledImages data, CancellationToken cancellationToken = default)
    {
        Validate(data);
        model.to(Device);
        data = data.On(Device);
        using var optimizer = CreateOptimizer(model);
        var fingerprint = JsonSerializer.Serialize(Recipe, ProfileJson.Options) + $"|seed={Seed}|n={data.Count}";
        var losses = new List<double>();
        var start = 0;
        if (TrainingCheckpoint.Latest(CheckpointDirectory) is { } found)
        {
            if (found.State.Fingerprint != fingerprint)
                throw new InvalidOperationException($"Checkpoint '{found.Path}' belongs to another run (recipe, seed or data size differ); use another checkpoint directory.");
            TrainingCheckpoint.Restore(found.Path, model, optimizer);
            start = found.State.Epoch;
            Log?.Invoke($"{Name}: resuming from epoch {start} (checkpoint {found.Path})");
            losses.AddRange(found.State.EpochLosses);
        }

        var watch = Stopwatch.StartNew();
        var batches = BatchCount(data.Count);
        for (var epoch = start; epoch < Recipe.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = RunEpoch(model, optimizer, data, epoch, batches, cancellationToken);
            losses.Add(result.MeanLoss);
            if (CheckpointDirectory is not null)
                TrainingCheckpoint.Save(CheckpointDirectory, model, optimizer, new TrainingCheckpoint.State(epoch + 1, fingerprint, Seed, losses));
            AfterEpoch?.Invoke(result);
        }
        model.eval();
        return new TrainingOutcome(start, Recipe.Epochs - start, watch.Elapsed.TotalSeconds, losses);
    }

    /// <summary>The seed of epoch <paramref name="epoch"/>'s generator: recorded, so any epoch can be replayed.</summary>
    public static ulong EpochSeed(long seed, int epoch) => unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)epoch * 0xBF58476D1CE4E5B9UL + 1UL);

    private EpochResult RunEpoch(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, LabeledImages data, int epoch, int batches, CancellationToken cancellationToken)
    {
        model.train();
        var epochSeed = EpochSeed(Seed, epoch);
        manual_seed((long)(epochSeed >> 1));
        using var generator = new Generator(epochSeed);
        using var order = randperm(data.Count, generator: generator);
        using var orderOnDevice = order.IsOn(Device) ? order.alias() : order.to(Device);
        using var lossSum = zeros(1, dtype: float64, device: Device);
        var readEvery = Device.type == DeviceType.CPU ? 1 : HostReadInterval;
        var watch = Stopwatch.StartNew();
        long seen = 0;
        for (var b = 0; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            SetLearningRate(optimizer, LearningRates.At(Recipe, (epoch + (double)b / batches) / Recipe.Epochs));
            var size = Math.Min(Recipe.BatchSize, data.Count - b * Recipe.BatchSize);
            var loss = Step(model, optimizer, data, orderOnDevice.narrow(0, (long)b * Recipe.BatchSize, size), generator).to(float64);
            lossSum.add_(loss * size);
            seen += size;
            if ((b + 1) % readEvery != 0 && b != batches - 1) continue;
            var (value, sum) = ReadOnHost(loss, lossSum);
            if (!double.IsFinite(value) || !double.IsFinite(sum))
                throw new InvalidOperationException($"{Name}: the training loss became {(double.IsFinite(value) ? sum : value)}; lower the learning rate (now {Recipe.LearningRate}).");
            var perEpoch = TrainingProgress.ImagesPerEpoch(data.Count, Recipe.BatchSize);
            Progress?.Report(new TrainingProgress(Name, epoch + 1, Recipe.Epochs, epoch * perEpoch + seen,
                Recipe.Epochs * perEpoch, value, seen / Math.Max(watch.Elapsed.TotalSeconds, 1e-9), b + 1, batches));
        }
        var meanLoss = lossSum.item<double>() / seen;
        return new EpochResult(epoch + 1, Recipe.Epochs, meanLoss, watch.Elapsed.TotalSeconds, seen / Math.Max(watch.Elapsed.TotalSeconds, 1e-9));
    }

    /// <summary>One device-to-host transfer for the batch loss and the running sum.</summary>
    private static (double Loss, double Sum) ReadOnHost(Tensor loss, Tensor lossSum)
    {
        using var both = cat([loss.reshape(1), lossSum]).cpu();
        var values = both.data<double>();
        return (values[0], values[1]);
    }

    /// <summary>One optimisation step on a batch already on the device; returns its detached loss (on the device).</summary>
    private Tensor Step(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, LabeledImages data, Tensor indices, Generator generator)
    {
        var images = data.Images.index_select(0, indices);
        var labels = data.Labels.index_select(0, indices);
        if (Recipe.Augmentation == Augmentation.PadCropFlip) images = PadCropFlip.Apply(images, generator);
        if (InputTransform is not null) images = InputTransform(images, generator);
        optimizer.zero_grad();
        var output = model.call(images);
        var loss = Loss is null ? nn.functional.cross_entropy(output, labels) : Loss(output, images, labels);
        if (Penalty is not null) loss = loss + Penalty();
        loss.backward();
        optimizer.step();
        AfterStep?.Invoke();
        return loss.detach();
    }

    // A trailing batch of one example would break BatchNorm in training mode: it is folded away.
    private int BatchCount(int count) => TrainingProgress.BatchesPerEpoch(count, Recipe.BatchSize);

    private OptimizerHelper CreateOptimizer(nn.Module<Tensor, Tensor> model) => Recipe.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), Recipe.LearningRate, momentum: Recipe.Momentum,
            weight_decay: Recipe.WeightDecay, nesterov: Recipe.Nesterov && Recipe.Momentum > 0),
        OptimizerKind.Adam => optim.Adam(model.parameters(), Recipe.LearningRate, weight_decay: Recipe.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(Recipe), Recipe.Optimizer, "unknown optimizer"),
    };

    private static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }

    private void Validate(LabeledImages data)
    {
        if (data.Count < 2) throw new ArgumentException($"{Name}: training needs at least 2 examples, got {data.Count}.", nameof(data));
        if (Recipe.Epochs < 1) throw new ArgumentException($"{Name}: recipe epochs must be >= 1, got {Recipe.Epochs}.");
        if (Recipe.BatchSize < 2) throw new ArgumentException($"{Name}: recipe batch size must be >= 2, got {Recipe.BatchSize}.");
        if (Recipe.LearningRate <= 0) throw new ArgumentException($"{Name}: recipe learning rate must be > 0, got {Recipe.LearningRate}.");
    }
}
