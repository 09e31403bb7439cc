using System.Security.Cryptography;
using System.Text;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Adversaries;

/// <summary>
/// A stand-in <see cref="INetworkTrainer"/> for tests: a plain seeded Adam/SGD loop on the module's current
/// weights (or no training at all), recording every request and a copy of every training set it saw.
/// </summary>
public sealed class LoopNetworkTrainer(bool train = true) : INetworkTrainer
{
    public string VariantId => "dense";
    public List<NetworkRequest> Requests { get; } = [];
    public List<(Tensor Images, Tensor Labels)> Seen { get; } = [];

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        Requests.Add(request);
        Seen.Add((data.Images.clone().DetachFromDisposeScope(), data.Labels.clone().DetachFromDisposeScope()));
        var loss = train ? Train(request, network, data) : 0.0;
        var key = string.Join(";", request.Owner, request.Role, request.ArchitectureId, request.Seed,
            string.Join(",", (request.Config ?? new Dictionary<string, string>()).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return new TrainingReport(hash, false, train ? request.Recipe.Epochs : 0, 0, loss, new Dictionary<string, double>());
    }

    private static double Train(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        var recipe = request.Recipe;
        var device = network.parameters().First().device;
        var generator = new Generator((ulong)request.Seed);
        using var optimizer = recipe.Optimizer == OptimizerKind.Adam
            ? (optim.Optimizer)optim.Adam(network.parameters(), recipe.LearningRate)
            : optim.SGD(network.parameters(), recipe.LearningRate, recipe.Momentum);
        network.train();
        var last = 0.0;
        for (var epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            using var order = randperm(data.Count, generator: generator);
            for (var start = 0; start < data.Count; start += recipe.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(recipe.BatchSize, data.Count - start));
                optimizer.zero_grad();
                var output = network.call(data.Images.index_select(0, index).to(device));
                var l = nn.functional.cross_entropy(output, data.Labels.index_select(0, index).to(device));
                l.backward();
                optimizer.step();
                last = l.item<float>();
            }
        }
        network.eval();
        return last;
    }
}
