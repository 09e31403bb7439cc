using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>The score threshold τ such that a fraction <c>rate</c> of clean calibration scores lies strictly above it.</summary>
public static class FalsePositiveThreshold
{
    public static double For(Tensor cleanScores, double rate)
    {
        if (rate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "the false-positive rate must be in [0, 1]");
        var n = cleanScores.shape[0];
        if (n == 0) throw new ArgumentException("no calibration scores to set the threshold from", nameof(cleanScores));
        using var sorted = cleanScores.sort(descending: true).Values;
        var k = (long)Math.Round(rate * n);
        if (k >= n) return double.NegativeInfinity;
        return sorted[k].item<float>();
    }
}
