using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Training;

/// <summary>Accuracy and task loss of a network in evaluation mode, in batches, without autograd.</summary>
internal static class Evaluation
{
    public static double Accuracy(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, int batchSize = 256)
    {
        if (data.Count == 0) return double.NaN;
        using var correct = zeros(1, dtype: int64, device: device);
        Batches(network, data, device, batchSize, (output, _, labels) => correct.add_(output.argmax(1).eq(labels).sum()));
        return (double)correct.item<long>() / data.Count;
    }

    public static double Loss(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, TrainingLoss? loss = null, int batchSize = 256)
    {
        if (data.Count == 0) return 0;
        loss ??= (output, _, labels) => nn.functional.cross_entropy(output, labels);
        using var total = zeros(1, dtype: float64, device: device);
        Batches(network, data, device, batchSize, (output, images, labels) => total.add_((loss(output, images, labels).detach() * labels.shape[0]).to(float64)));
        return total.item<double>() / data.Count;
    }

    private static void Batches(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, int batchSize, Action<Tensor, Tensor, Tensor> visit)
    {
        var wasTraining = network.training;
        var resident = data.On(device);
        network.eval();
        using var noGrad = no_grad();
        try
        {
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var length = Math.Min(batchSize, data.Count - start);
                var images = resident.Images.narrow(0, start, length);
                var labels = resident.Labels.narrow(0, start, length);
                visit(network.call(images), images, labels);
            }
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
