using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// Papernot et al. 2017 Jacobian-based dataset augmentation: x' = clip(x + λ·sign(∂F_ŷ(x)/∂x), 0, 1), where F is
/// the surrogate's softmax output and ŷ the oracle's label of x.
/// </summary>
public static class JacobianAugmentation
{
    /// <returns>New points [N,C,H,W] on CPU, one per input.</returns>
    public static Tensor Step(IClassifier surrogate, Tensor images, Tensor oracleLabels, double lambda, Device device, int batchSize = 256)
    {
        var n = images.shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, n - start);
            var x = images.narrow(0, start, length).to(device).detach().requires_grad_(true);
            var y = oracleLabels.narrow(0, start, length).to(device);
            var probabilities = surrogate.Logits(x).softmax(1);
            var selected = probabilities.gather(1, y.unsqueeze(1)).sum();
            var gradient = autograd.grad([selected], [x])[0];
            var moved = (x.detach() + lambda * gradient.sign()).clamp(0, 1).cpu();
            parts.Add(moved.MoveToOuterDisposeScope());
        }
        if (parts.Count == 0) return empty_like(images, device: CPU);
        var result = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return result;
    }
}
