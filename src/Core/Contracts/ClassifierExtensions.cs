using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

public static class ClassifierExtensions
{
    /// <summary>Arg-max labels [N] (int64, CPU) computed in batches without autograd.</summary>
    public static Tensor PredictLabels(this IClassifier classifier, Tensor images, int batchSize = 256) =>
        MapBatches(images, batchSize, batch => classifier.Logits(batch).argmax(1).cpu());

    /// <summary>Softmax probabilities [N,K] (CPU) computed in batches without autograd.</summary>
    public static Tensor PredictProbabilities(this IClassifier classifier, Tensor images, int batchSize = 256) =>
        MapBatches(images, batchSize, batch => classifier.Logits(batch).softmax(1).cpu());

    /// <summary>Applies <paramref name="map"/> to consecutive batches under no_grad and concatenates the results.</summary>
    public static Tensor MapBatches(Tensor images, int batchSize, Func<Tensor, Tensor> map)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var part = map(images.narrow(0, start, Math.Min(batchSize, count - start)));
            parts.Add(part.MoveToOuterDisposeScope());
        }
        if (parts.Count == 0) return empty(0, dtype: int64);
        var result = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return result;
    }
}
