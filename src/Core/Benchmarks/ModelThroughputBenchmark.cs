using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Benchmarks;

/// <summary>
/// For each zoo model on CIFAR-10-shaped input: training-step images/s (SGD momentum, cross-entropy) and
/// input-gradient images/s (eval-mode forward + backward to the input only, as attacks do), with the achieved
/// GFLOP/s (3× forward FLOPs per training image, 2× per input-gradient image), and the same loops in PyTorch eager.
/// </summary>
public sealed class ModelThroughputBenchmark(IModelZoo zoo) : IBenchmark
{
    public string Name => "models";

    public IEnumerable<BenchmarkResult> Run(BenchmarkContext context)
    {
        var dataset = DatasetInfo.Cifar10;
        foreach (var id in context.Models ?? zoo.Ids)
        {
            // Each model's reference runs right after our measurement, so both see the same machine state
            // (a shared or throttled host drifts over minutes, which biases ratios taken far apart).
            var m = Measure(id, dataset, context);
            var (reference, note) = context.PythonExecutable is { } python && context.ReferenceScript is { } script
                ? ReferenceRunner.Run(python, script, [id], context.BatchSize, context.Threads, context.WarmupIterations, context.Iterations,
                    context.Rounds, dataset.Channels, dataset.Height, ReferenceRunner.DeviceName(context.Device))
                : (new Dictionary<string, ReferenceRunner.Rates>(), "no reference");
            var r = reference.GetValueOrDefault(id);
            yield return new BenchmarkResult("train-step", id, m.Train, r?.Train, m.Train * 3 * m.Flops / 1e9, note, r?.TrainBest);
            yield return new BenchmarkResult("input-gradient", id, m.Gradient, r?.InputGradient, m.Gradient * 2 * m.Flops / 1e9, note, r?.InputGradientBest);
        }
    }

    private (double Train, double Gradient, double Flops) Measure(string id, DatasetInfo dataset, BenchmarkContext context)
    {
        manual_seed(0);
        using var model = zoo.Create(id, new ModelSpec(dataset));
        model.to(context.Device);
        var flops = ModelFlops.ForwardPerImage(model, [dataset.Channels, dataset.Height, dataset.Width]);
        var generator = new Generator(0);
        using var x = rand([context.BatchSize, dataset.Channels, dataset.Height, dataset.Width], generator: generator).to(context.Device);
        using var y = randint(0, dataset.NumClasses, [context.BatchSize], generator: generator, dtype: int64).to(context.Device);
        using var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);

        model.train();
        var train = context.ImagesPerSecond(() =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        });

        model.eval();
        var gradient = context.ImagesPerSecond(() =>
        {
            using var scope = NewDisposeScope();
            var input = x.detach().requires_grad_(true);
            var loss = nn.functional.cross_entropy(model.call(input), y);
            autograd.grad([loss], [input]);
        });
        return (train, gradient, flops);
    }
}
