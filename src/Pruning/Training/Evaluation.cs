using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Training;

/// <summary>Accuracy and task loss of a network in evaluation mode, in batches, without autograd.</summary>
public static class Evaluation
{
    public static double Accuracy(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, int batchSize = 256)
    {
        if (data.Count == 0) return double.NaN;
        long correct = 0;
        Batches(network, data, device, batchSize, (output, _, labels) => correct += output.argmax(1).eq(labels).sum().item<long>());
        return (double)correct / data.Count;
    }

    public static double Loss(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, TrainingLoss? loss = null, int batchSize = 256)
    {
        if (data.Count == 0) return 0;
        loss ??= (output, _, labels) => nn.functional.cross_entropy(output, labels);
        double total = 0;
        Batches(network, data, device, batchSize, (output, images, labels) => total += loss(output, images, labels).item<float>() * labels.shape[0]);
        return total / data.Count;
    }

    private static void Batches(nn.Module<Tensor, Tensor> network, LabeledImages data, Device device, int batchSize, Action<Tensor, Tensor, Tensor> visit)
    {
        var wasTraining = network.training;
        network.eval();
        using var noGrad = no_grad();
        try
        {
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var length = Math.Min(batchSize, data.Count - start);
                var images = data.Images.narrow(0, start, length).to(device);
                var labels = data.Labels.narrow(0, start, length).to(device);
                visit(network.call(images), images, labels);
            }
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
