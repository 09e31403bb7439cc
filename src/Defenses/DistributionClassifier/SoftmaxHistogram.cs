using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// Features of the distribution classifier: for every class k, the distribution of the N sampled softmax values p_k
/// over <c>bins</c> equal bins of [0,1] — counts, or a Gaussian kernel-density estimate at the bin centres scaled to
/// sum to N. Output [B, K·bins]; each class's block sums to N.
/// </summary>
public static class SoftmaxHistogram
{
    /// <param name="probabilities">[B,N,K] softmax outputs of N random copies of each of B images.</param>
    public static Tensor Features(Tensor probabilities, int bins, double kernelBandwidth = 0)
    {
        if (probabilities.dim() != 3) throw new ArgumentException($"probabilities must be [B,N,K], got [{string.Join(",", probabilities.shape)}]", nameof(probabilities));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be >= 1");
        using var scope = NewDisposeScope();
        long b = probabilities.shape[0], n = probabilities.shape[1], k = probabilities.shape[2];
        var values = probabilities.to_type(float32).permute(0, 2, 1);                       // [B,K,N]
        Tensor perBin;
        if (kernelBandwidth > 0)
        {
            var centres = (arange(bins, dtype: float32, device: values.device) + 0.5) / bins;                     // [bins]
            var distance = values.unsqueeze(-1) - centres;                                 // [B,K,N,bins]
            var kernel = (-0.5 * (distance / kernelBandwidth).square()).exp();
            var density = kernel.sum(new long[] { 2 });                                    // [B,K,bins]
            perBin = density / density.sum(new long[] { 2 }, keepdim: true).clamp_min(1e-12) * n;
        }
        else
        {
            var index = (values * bins).floor().clamp(0, bins - 1).to_type(int64);         // [B,K,N]
            perBin = zeros([b, k, bins], float32, device: values.device).scatter_add_(2, index, ones_like(values));
        }
        return perBin.reshape(b, k * bins).MoveToOuterDisposeScope();
    }
}
