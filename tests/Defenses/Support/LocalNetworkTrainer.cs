using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// A minimal test-local <see cref="INetworkTrainer"/>: Adam at the recipe's rate, the recipe's epochs and batch size,
/// seeded shuffling, the request's loss (cross-entropy when none) and input transform. No caching. Records requests.
/// </summary>
public sealed class LocalNetworkTrainer : INetworkTrainer
{
    public string VariantId => DenseVariant.VariantId;

    public List<NetworkRequest> Requests { get; } = [];

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
        var watch = Stopwatch.StartNew();
        var recipe = request.Recipe;
        var generator = new Generator((ulong)request.Seed);
        using var optimizer = optim.Adam(network.parameters(), recipe.LearningRate);
        network.train();
        double lastLoss = double.NaN;
        for (var epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(data.Count, generator: generator);
            for (long start = 0; start < data.Count; start += recipe.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(recipe.BatchSize, data.Count - start));
                var x = data.Images.index_select(0, index);
                var y = data.Labels.index_select(0, index);
                if (request.InputTransform is { } transform) x = transform(x, generator);
                optimizer.zero_grad();
                var output = network.call(x);
                var loss = request.Loss?.Invoke(output, x, y) ?? nn.functional.cross_entropy(output, y);
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }
        }
        network.eval();
        return new TrainingReport("local", false, recipe.Epochs, watch.Elapsed.TotalSeconds, lastLoss, new Dictionary<string, double>());
    }
}
