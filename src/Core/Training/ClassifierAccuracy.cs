using Robustness.Core.Contracts;
using Robustness.Core.Data;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>Clean accuracy of a classifier on a labelled set: batched, without gradients.</summary>
public static class ClassifierAccuracy
{
    public static double Evaluate(IClassifier classifier, LabeledImages data, int batchSize = 256)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be >= 1");
        if (data.Count == 0) throw new ArgumentException("Cannot measure accuracy on an empty set.", nameof(data));
        using var noGrad = no_grad();
        long correct = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, data.Count - start);
            var predicted = classifier.Logits(data.Images.narrow(0, start, length)).argmax(1).cpu();
            correct += predicted.eq(data.Labels.narrow(0, start, length)).sum().item<long>();
        }
        return (double)correct / data.Count;
    }
}
