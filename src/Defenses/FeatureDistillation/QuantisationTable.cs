using static TorchSharp.torch;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// An 8×8 table of quantisation steps on the 0–255 scale, indexed [u,v] (vertical, horizontal frequency).
/// A coefficient c becomes round(c / q)·q; a step of 0 leaves the coefficient exact (lossless band).
/// </summary>
public sealed class QuantisationTable
{
    private readonly float[] steps;

    public QuantisationTable(float[] steps)
    {
        if (steps.Length != 64) throw new ArgumentException($"A quantisation table has 64 steps, got {steps.Length}.", nameof(steps));
        var bad = Array.FindIndex(steps, s => !(s >= 0) || float.IsInfinity(s));
        if (bad >= 0) throw new ArgumentException($"Quantisation step [{bad / 8},{bad % 8}] = {steps[bad]} must be finite and >= 0.", nameof(steps));
        this.steps = (float[])steps.Clone();
    }

    public float this[int u, int v] => steps[u * 8 + v];

    /// <summary>No quantisation at all: DCT → IDCT round trip.</summary>
    public static QuantisationTable Lossless() => new(new float[64]);

    /// <summary>
    /// The table of the released feature-distillation code: <paramref name="highFrequencyStep"/> (S1) everywhere
    /// except the top-left 4×4 low-frequency block, which gets <paramref name="lowFrequencyStep"/> (S2).
    /// </summary>
    public static QuantisationTable Reference(float lowFrequencyStep, float highFrequencyStep) =>
        new(Enumerable.Range(0, 64).Select(i => i / 8 < 4 && i % 8 < 4 ? lowFrequencyStep : highFrequencyStep).ToArray());

    /// <summary>Bands with u + v &lt; <paramref name="cutoff"/> get <paramref name="fineStep"/>, the rest <paramref name="coarseStep"/>.</summary>
    public static QuantisationTable LowFrequency(int cutoff, float fineStep, float coarseStep) =>
        new(Enumerable.Range(0, 64).Select(i => i / 8 + i % 8 < cutoff ? fineStep : coarseStep).ToArray());

    /// <summary>
    /// Feature distillation's DNN-oriented table: the <paramref name="importantBands"/> bands with the largest
    /// coefficient standard deviation over the data (the features the classifier relies on) get the fine step,
    /// every other band the coarse step that filters adversarial high-frequency energy.
    /// </summary>
    public static QuantisationTable FromBandDeviation(float[] bandStd, int importantBands, float fineStep, float coarseStep)
    {
        if (bandStd.Length != 64) throw new ArgumentException($"Need 64 band deviations, got {bandStd.Length}.", nameof(bandStd));
        var keep = bandStd.Select((s, i) => (s, i)).OrderByDescending(p => p.s).ThenBy(p => p.i).Take(importantBands).Select(p => p.i).ToHashSet();
        return new(Enumerable.Range(0, 64).Select(i => keep.Contains(i) ? fineStep : coarseStep).ToArray());
    }

    /// <summary>Quantises coefficients [..,8,8] in place of a copy.</summary>
    public Tensor Apply(Tensor coefficients)
    {
        using var scope = NewDisposeScope();
        var q = tensor(steps, new long[] { 8, 8 }, device: coefficients.device);
        var lossless = q.eq(0);
        var safe = q.masked_fill(lossless, 1f);
        var quantised = (coefficients / safe).round() * safe;
        return where(lossless, coefficients, quantised).MoveToOuterDisposeScope();
    }

    public override string ToString() => string.Join(",", steps.Select(s => s.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));
}
