using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robustness.Pruning.Masks;

/// <summary>
/// Counts non-zero weights and per-image multiply-accumulates of every Conv2d and Linear layer. Output sizes come
/// from one forward pass of a zero image of the input shape [C,H,W] with forward hooks.
/// </summary>
public static class SparsityAccounting
{
    public static SparsityReport Measure(nn.Module<Tensor, Tensor> network, long[] inputShape, IEnumerable<string> prunedLayers)
    {
        var pruned = prunedLayers.ToHashSet();
        var positions = OutputPositions(network, inputShape);
        var layers = new List<LayerSparsity>();
        using var noGrad = no_grad();
        foreach (var (name, weight) in LayerSelection.WeightLayers(network))
        {
            var total = weight.numel();
            var nonZero = weight.count_nonzero().item<long>();
            var perOutput = positions.GetValueOrDefault(name, 1);
            layers.Add(new LayerSparsity(name, pruned.Contains(name), total, nonZero, total * perOutput, nonZero * perOutput));
        }
        return new SparsityReport(layers);
    }

    /// <summary>Output positions (H·W for a convolution, 1 for linear) each weight is applied at, per image.</summary>
    private static Dictionary<string, long> OutputPositions(nn.Module<Tensor, Tensor> network, long[] inputShape)
    {
        var positions = new Dictionary<string, long>();
        var removers = new List<Action>();
        foreach (var (name, child) in network.named_modules())
        {
            if (child is Conv2d conv)
            {
                var layerName = name;
                var handle = conv.register_forward_hook((_, _, output) =>
                {
                    positions[layerName] = output.shape[^1] * output.shape[^2];
                    return output;
                });
                removers.Add(handle.remove);
            }
        }
        var wasTraining = network.training;
        network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = network.parameters().FirstOrDefault()?.device ?? CPU;
            network.call(zeros(new long[] { 1 }.Concat(inputShape).ToArray(), device: device));
        }
        finally
        {
            foreach (var remove in removers) remove();
            network.train(wasTraining);
        }
        return positions;
    }
}
