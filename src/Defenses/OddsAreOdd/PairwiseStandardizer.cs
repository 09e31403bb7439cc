using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// Per class pair (y, z) mean and standard deviation of ḡ_{y,z} over clean images predicted as y. A class predicted
/// fewer than twice in the fitting data falls back to the statistics pooled over all images.
/// </summary>
public sealed class PairwiseStandardizer : IDisposable
{
    private const double MinStd = 1e-6;

    private PairwiseStandardizer(Tensor mean, Tensor std)
    {
        Mean = mean.DetachFromDisposeScope();
        Std = std.DetachFromDisposeScope();
    }

    /// <summary>μ [K,K]: row y, column z.</summary>
    public Tensor Mean { get; }

    /// <summary>σ [K,K].</summary>
    public Tensor Std { get; }

    public static PairwiseStandardizer Fit(Tensor predicted, Tensor change)
    {
        using var scope = NewDisposeScope();
        var classes = change.shape[1];
        var onehot = nn.functional.one_hot(predicted, classes).to_type(float32);            // [N,K]
        var counts = onehot.sum(new long[] { 0 }).unsqueeze(1);                                              // [K,1]
        var mean = onehot.t().matmul(change) / counts.clamp_min(1);
        var meanSquare = onehot.t().matmul(change * change) / counts.clamp_min(1);
        var std = (meanSquare - mean * mean).clamp_min(0).sqrt();
        var pooledMean = change.mean(new long[] { 0 }, keepdim: true).expand(classes, classes);
        var pooledStd = change.std(new long[] { 0 }, unbiased: false, keepdim: true).expand(classes, classes);
        var enough = counts.ge(2).expand(classes, classes);
        var result = new PairwiseStandardizer(where(enough, mean, pooledMean), where(enough, std, pooledStd).clamp_min(MinStd));
        return result;
    }

    /// <summary>Standardised ḡ [N,K]; the predicted class's own column is −∞ so it never wins a max.</summary>
    public Tensor Transform(Tensor predicted, Tensor change)
    {
        using var scope = NewDisposeScope();
        var z = (change - Mean.index_select(0, predicted)) / Std.index_select(0, predicted);
        var own = nn.functional.one_hot(predicted, change.shape[1]).to_type(ScalarType.Bool);
        return z.masked_fill(own, double.NegativeInfinity).MoveToOuterDisposeScope();
    }

    /// <summary>The detection score: max over z ≠ y of the standardised ḡ_{y,z} [N].</summary>
    public Tensor Score(Tensor predicted, Tensor change)
    {
        using var scope = NewDisposeScope();
        return Transform(predicted, change).amax(new long[] { 1 }).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Mean.Dispose();
        Std.Dispose();
    }
}
