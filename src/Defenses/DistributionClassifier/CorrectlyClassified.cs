using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// The images the distribution classifier's second stage trains on: as in Mahmood et al.'s setup, only clean
/// training images the unchanged base classifier labels correctly, the first <c>count</c> in dataset order.
/// </summary>
public static class CorrectlyClassified
{
    private const int ScanBatch = 1024;

    /// <returns>int64 [≤ count] indices into <paramref name="images"/>, ascending; fewer when the set runs out.</returns>
    public static Tensor FirstIndices(IClassifier classifier, Tensor images, Tensor labels, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be >= 1");
        if (images.shape[0] != labels.shape[0])
            throw new ArgumentException($"need one label per image, got {images.shape[0]} images and {labels.shape[0]} labels", nameof(labels));
        var found = new List<long>(count);
        using var noGrad = no_grad();
        for (long start = 0; start < images.shape[0] && found.Count < count; start += ScanBatch)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(ScanBatch, images.shape[0] - start);
            var predicted = classifier.Logits(images.narrow(0, start, length)).argmax(1).cpu();
            var correct = predicted.eq(labels.narrow(0, start, length).cpu()).nonzero().flatten() + start;
            found.AddRange(correct.data<long>().ToArray().Take(count - found.Count));
        }
        return tensor(found.ToArray(), int64);
    }
}
