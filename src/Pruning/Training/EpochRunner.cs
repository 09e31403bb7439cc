using System.Diagnostics;
using Robustness.Core;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Training;

/// <summary>
/// Plain mini-batch training of a network for the pruning phases: the recipe's optimizer and augmentation, the
/// request's loss and input transform, an optional penalty added to the loss, hooks after backward (mask gradients) and after the
/// step (re-mask weights). Shuffling draws from a seeded generator. The optimizer state lives across epochs. The data
/// goes to the device once and batches are sliced there; the loss sum stays on the device between host reads.
/// </summary>
public sealed class EpochRunner : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> network;
    private readonly TrainingRecipe recipe;
    private readonly Device device;
    private readonly TrainingLoss loss;
    private readonly BatchTransform? transform;
    private readonly Generator generator;
    private readonly optim.Optimizer optimizer;

    public EpochRunner(nn.Module<Tensor, Tensor> network, TrainingRecipe recipe, Device device, long seed,
        TrainingLoss? loss = null, BatchTransform? transform = null)
    {
        this.network = network;
        this.recipe = recipe;
        this.device = device;
        this.loss = loss ?? ((output, _, labels) => nn.functional.cross_entropy(output, labels));
        this.transform = transform;
        generator = new Generator((ulong)seed);
        optimizer = recipe.Optimizer == OptimizerKind.Adam
            ? optim.Adam(network.parameters(), recipe.LearningRate, weight_decay: recipe.WeightDecay)
            : optim.SGD(network.parameters(), recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
    }

    public double LearningRate
    {
        get => optimizer.ParamGroups.First().LearningRate;
        set { foreach (var group in optimizer.ParamGroups) group.LearningRate = value; }
    }

    /// <summary>One pass over <paramref name="data"/>; returns the mean task loss (penalty excluded).</summary>
    public double RunEpoch(LabeledImages data, Func<Tensor>? penalty = null, Action? afterBackward = null, Action? afterStep = null,
        IProgress<TrainingProgress>? progress = null, string name = "pruning", int epoch = 1, int epochs = 1)
    {
        network.train();
        data = data.On(device);
        using var order = randperm(data.Count, generator: generator);
        using var orderOnDevice = order.IsOn(device) ? order.alias() : order.to(device);
        using var total = zeros(1, dtype: float64, device: device);
        var readEvery = device.type == DeviceType.CPU ? 1 : Trainer.HostReadInterval;
        long seen = 0;
        var batch = 0;
        var clock = Stopwatch.StartNew();
        for (long start = 0; start < data.Count; start += recipe.BatchSize, batch++)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(recipe.BatchSize, data.Count - start);
            if (length < 2 && start > 0) break; // a one-example batch would break BatchNorm in training mode
            var index = orderOnDevice.narrow(0, start, length);
            var images = data.Images.index_select(0, index);
            var labels = data.Labels.index_select(0, index);
            if (recipe.Augmentation == Augmentation.PadCropFlip) images = PadCropFlip.Apply(images, generator);
            if (transform is not null) images = transform(images, generator);
            optimizer.zero_grad();
            var task = loss(network.call(images), images, labels);
            var objective = penalty is null ? task : task + penalty();
            objective.backward();
            afterBackward?.Invoke();
            optimizer.step();
            afterStep?.Invoke();
            total.add_((task.detach() * length).to(float64)); // product in the loss dtype, sum in float64: the numbers of the former host loop
            seen += length;
            var last = start + recipe.BatchSize >= data.Count || data.Count - (start + recipe.BatchSize) < 2;
            if ((batch + 1) % readEvery != 0 && !last) continue;
            var sum = total.item<double>();
            if (!double.IsFinite(sum))
                throw new InvalidOperationException($"{name}: the training loss became {sum} in epoch {epoch}; lower the learning rate (now {LearningRate}).");
            if (progress is null) continue;
            var perEpoch = TrainingProgress.ImagesPerEpoch(data.Count, recipe.BatchSize);
            progress.Report(new TrainingProgress(name, epoch, epochs, (epoch - 1) * perEpoch + seen, epochs * perEpoch, sum / seen,
                seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), batch + 1, TrainingProgress.BatchesPerEpoch(data.Count, recipe.BatchSize)));
        }
        return seen == 0 ? 0 : total.item<double>() / seen;
    }

    public void Dispose()
    {
        optimizer.Dispose();
        generator.Dispose();
    }
}
