using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>
/// Test-local <see cref="INetworkTrainer"/> until Core's NetworkTrainer lands: Adam at the recipe's rate for the
/// recipe's epochs, seeded shuffling, the request's input transform and loss (default cross-entropy). No cache.
/// Records every request so tests can check what a defense asked for.
/// </summary>
public sealed class LocalNetworkTrainer : INetworkTrainer
{
    public List<NetworkRequest> Requests { get; } = [];

    public string VariantId => DenseVariant.VariantId;

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
        var generator = new Generator((ulong)request.Seed);
        using var optimizer = optim.Adam(network.parameters(), request.Recipe.LearningRate);
        var loss = request.Loss ?? ((output, _, labels) => nn.functional.cross_entropy(output, labels));
        network.train();
        var last = double.NaN;
        for (var epoch = 0; epoch < request.Recipe.Epochs; epoch++)
        {
            using var order = randperm(data.Count, generator: generator);
            for (var start = 0; start < data.Count; start += request.Recipe.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(request.Recipe.BatchSize, data.Count - start));
                var images = data.Images.index_select(0, index);
                if (request.InputTransform is { } transform) images = transform(images, generator);
                optimizer.zero_grad();
                var value = loss(network.call(images), images, data.Labels.index_select(0, index));
                value.backward();
                optimizer.step();
                last = value.item<float>();
            }
        }
        network.eval();
        return new TrainingReport("local", false, request.Recipe.Epochs, 0, last, new Dictionary<string, double>());
    }
}
