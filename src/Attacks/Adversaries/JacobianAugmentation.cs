using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// Papernot et al. 2017 Jacobian-based dataset augmentation: x' = x + λ·sign(∂F_ŷ(x)/∂x), where ŷ is the oracle's
/// label of x and F the surrogate's logit (default, as the evaluated code ran it, unclipped) or its softmax output
/// clipped to [0,1] (<see cref="JacobianRule"/>).
/// </summary>
public static class JacobianAugmentation
{
    /// <returns>New points [N,C,H,W] on CPU, one per input.</returns>
    public static Tensor Step(IClassifier surrogate, Tensor images, Tensor oracleLabels, double lambda, JacobianRule rule, Device device, int batchSize = 256)
    {
        var n = images.shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, n - start);
            var x = images.narrow(0, start, length).to(device).detach().requires_grad_(true);
            var y = oracleLabels.narrow(0, start, length).to(device);
            var logits = surrogate.Logits(x);
            var outputs = rule == JacobianRule.LogitSign ? logits : logits.softmax(1);
            var selected = outputs.gather(1, y.unsqueeze(1)).sum();
            var gradient = autograd.grad([selected], [x])[0];
            var moved = x.detach() + lambda * gradient.sign();
            if (rule == JacobianRule.SoftmaxSignClipped) moved = moved.clamp(0, 1);
            parts.Add(moved.cpu().MoveToOuterDisposeScope());
        }
        if (parts.Count == 0) return empty_like(images, device: CPU);
        var result = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return result;
    }
}
