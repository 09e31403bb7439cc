using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>Softmax outputs [B,N,K] (CPU) of N random resize-and-pad copies per image; a chunk of images' copies per backbone batch.</summary>
public sealed class SoftmaxDistributionSampler(IClassifier backbone, int samples, double minScale, int chunkImages)
{
    public Tensor Sample(Tensor images, Generator generator)
    {
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        var count = images.shape[0];
        for (long start = 0; start < count; start += chunkImages)
        {
            using var scope = NewDisposeScope();
            var x = images.narrow(0, start, Math.Min(chunkImages, count - start)).cpu();
            long b = x.shape[0];
            var copies = x.repeat_interleave(samples, 0);
            var transformed = RandomResizePad.Apply(copies, minScale, generator);
            var probabilities = backbone.Logits(transformed).softmax(1).cpu().reshape(b, samples, -1);
            parts.Add(probabilities.MoveToOuterDisposeScope());
        }
        if (parts.Count == 0) return empty(0, samples, backbone.NumClasses);
        var result = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return result;
    }
}
