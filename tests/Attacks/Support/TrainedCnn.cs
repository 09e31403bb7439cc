using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Support;

/// <summary>
/// A tiny CNN trained once per test run (a few seconds) on synthetic 3×16×16 ten-class data, and a held-out
/// set it classifies correctly. Shared read-only by the tests; attacks never change it.
/// </summary>
public static class TrainedCnn
{
    private static readonly Lazy<(ModuleClassifier Model, LabeledImages Test)> Shared = new(Train);

    public static ModuleClassifier Model => Shared.Value.Model;

    /// <summary>Held-out examples the model classifies correctly.</summary>
    public static LabeledImages Test => Shared.Value.Test;

    public static nn.Module<Tensor, Tensor> NewNetwork() => nn.Sequential(
        nn.Conv2d(3, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 4 * 4, 10));

    private static (ModuleClassifier, LabeledImages) Train()
    {
        manual_seed(7);
        var network = NewNetwork();
        using var train = SyntheticData.Create(DatasetInfo.Cifar10, 1200, seed: 3, noise: 0.35, size: 16);
        using var optimizer = optim.Adam(network.parameters(), lr: 3e-3);
        var generator = new Generator(11);
        network.train();
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var order = randperm(train.Count, generator: generator);
            for (var start = 0; start < train.Count; start += 64)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(64, train.Count - start));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(train.Images.index_select(0, index)), train.Labels.index_select(0, index));
                loss.backward();
                optimizer.step();
            }
        }
        network.eval();
        foreach (var p in network.parameters()) p.grad = null;
        var model = new ModuleClassifier(network, 10, CPU);
        using var heldOut = SyntheticData.Create(DatasetInfo.Cifar10, 1200 + 200, seed: 3, noise: 0.35, size: 16);
        using var candidates = heldOut.Slice(1200, 200);
        using var correct = model.PredictLabels(candidates.Images).eq(candidates.Labels).nonzero().squeeze(1);
        return (model, candidates.Select(correct));
    }
}
