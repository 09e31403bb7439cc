using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// Test-local <see cref="INetworkTrainer"/> (until the core trainer lands): Adam, the request's epochs and batch size,
/// seeded shuffling; records every request so tests can check what a defense asked for.
/// </summary>
internal sealed class TinyNetworkTrainer : INetworkTrainer
{
    public string VariantId => DenseVariant.VariantId;

    public List<NetworkRequest> Requests { get; } = [];

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
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
        return new TrainingReport("test", false, request.Recipe.Epochs, 0, loss, new Dictionary<string, double>());
    }
}
