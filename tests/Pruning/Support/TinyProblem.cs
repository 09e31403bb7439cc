using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Pruning.Training;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Support;

/// <summary>A tiny CNN trained for four epochs on 16×16 synthetic CIFAR-shaped data, plus a held-out split.</summary>
public sealed class TinyProblem : IDisposable
{
    public const int Size = 16;

    private TinyProblem(LabeledImages train, LabeledImages test, nn.Module<Tensor, Tensor> network)
    {
        Train = train;
        Test = test;
        Network = network;
    }

    public LabeledImages Train { get; }
    public LabeledImages Test { get; }
    public nn.Module<Tensor, Tensor> Network { get; }

    public static TinyProblem Trained(long seed = 0, int count = 256, double noise = 0.3)
    {
        var all = SyntheticData.Create(DatasetInfo.Cifar10, 2 * count, seed, noise, size: Size);
        var train = all.Slice(0, count);
        var test = all.Slice(count, count);
        var network = TinyNetworks.Cnn(3, seed: seed, width: 8);
        var recipe = new TrainingRecipe { BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 3e-3, WeightDecay = 0 };
        using (var runner = new EpochRunner(network, recipe, CPU, seed))
            for (var epoch = 0; epoch < 4; epoch++) runner.RunEpoch(train);
        return new TinyProblem(train, test, network);
    }

    /// <summary>A fresh copy of the trained network (same architecture and weights).</summary>
    public nn.Module<Tensor, Tensor> CopyOfNetwork()
    {
        var copy = TinyNetworks.Cnn(3, width: 8);
        copy.load_state_dict(Network.state_dict());
        return copy;
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
        Network.Dispose();
    }
}
