using System.Collections.Concurrent;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// Test-local <see cref="INetworkTrainer"/> (until the core trainer lands): Adam, the request's epochs and batch size,
/// seeded shuffling; records every request so tests can check what a defense asked for. Trained weights are cached
/// in memory per request and data, so tests sharing a backbone train it once.
/// </summary>
internal sealed class TinyNetworkTrainer : INetworkTrainer
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, Tensor>> Cache = new();

    public string VariantId => DenseVariant.VariantId;

    public List<NetworkRequest> Requests { get; } = [];

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
        var key = Key(request, data);
        if (Cache.TryGetValue(key, out var weights))
        {
            network.load_state_dict(weights);
            network.eval();
            return new TrainingReport(key, true, 0, 0, 0, new Dictionary<string, double>());
        }
        var generator = new Generator((ulong)request.Seed);
        using var optimizer = optim.Adam(network.parameters(), lr: 0.003);
        network.train();
        var loss = 0.0;
        for (var epoch = 0; epoch < request.Recipe.Epochs; epoch++)
        {
            using var order = randperm(data.Count, generator: generator);
            for (var start = 0; start < data.Count; start += request.Recipe.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(request.Recipe.BatchSize, data.Count - start));
                var images = data.Images.index_select(0, index);
                if (request.InputTransform is { } transform) images = transform(images, generator);
                var output = network.call(images);
                var labels = data.Labels.index_select(0, index);
                var value = request.Loss is { } custom ? custom(output, images, labels) : nn.functional.cross_entropy(output, labels);
                optimizer.zero_grad();
                value.backward();
                optimizer.step();
                loss = value.item<float>();
            }
        }
        network.eval();
        Cache[key] = network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        return new TrainingReport(key, false, request.Recipe.Epochs, 0, loss, new Dictionary<string, double>());
    }

    private static string Key(NetworkRequest r, LabeledImages data)
    {
        var config = r.Config is null ? "" : string.Join(";", r.Config.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        using var sum = data.Images.sum();
        return $"{r.Owner}|{r.Role}|{r.ArchitectureId}|{r.Recipe.Epochs}|{r.Recipe.BatchSize}|{r.Seed}|{config}|{data.Count}|{sum.item<float>():R}|{r.Loss is null}|{r.InputTransform is null}";
    }
}
