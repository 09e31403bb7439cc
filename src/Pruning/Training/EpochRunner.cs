using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Training;

/// <summary>
/// Plain mini-batch training of a network for the pruning phases: the recipe's optimizer and augmentation, the
/// request's loss and input transform, an optional penalty added to the loss, hooks after backward (mask gradients) and after the
/// step (re-mask weights). Shuffling draws from a seeded generator. The optimizer state lives across epochs.
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
        var order = randperm(data.Count, generator: generator);
        double total = 0;
        long seen = 0;
        var clock = Stopwatch.StartNew();
        for (long start = 0; start < data.Count; start += recipe.BatchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(recipe.BatchSize, data.Count - start);
            if (length < 2 && start > 0) break; // a one-example batch would break BatchNorm in training mode
            var index = order.narrow(0, start, length);
            var images = data.Images.index_select(0, index).to(device);
            var labels = data.Labels.index_select(0, index).to(device);
            if (recipe.Augmentation == Augmentation.PadCropFlip) images = PadCropFlip.Apply(images, generator);
            if (transform is not null) images = transform(images, generator);
            optimizer.zero_grad();
            var task = loss(network.call(images), images, labels);
            var objective = penalty is null ? task : task + penalty();
            objective.backward();
            afterBackward?.Invoke();
            optimizer.step();
            afterStep?.Invoke();
            total += task.item<float>() * index.shape[0];
            seen += index.shape[0];
            progress?.Report(new TrainingProgress(name, epoch, epochs, seen, data.Count, total / seen, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)));
        }
        order.Dispose();
        return seen == 0 ? 0 : total / seen;
    }

    public void Dispose()
    {
        optimizer.Dispose();
        generator.Dispose();
    }
}
