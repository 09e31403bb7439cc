namespace Robustness.Evaluation.Reports;

/// <summary>Percentile bootstrap over per-seed values (Efron): resample seeds with replacement, take the 2.5/97.5 % means.</summary>
public static class Bootstrap
{
    public const int Resamples = 2000;

    /// <summary>Fixed seed so a report renders the same intervals every time from the same store.</summary>
    public const int Seed = 20210101;

    public static Estimate Estimate(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        var mean = values.Average();
        if (values.Count == 1) return new Estimate(mean, mean, mean, 1);
        var random = new Random(Seed);
        var means = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++) sum += values[random.Next(values.Count)];
            means[b] = sum / values.Count;
        }
        Array.Sort(means);
        return new Estimate(mean, means[(int)(0.025 * (Resamples - 1))], means[(int)Math.Ceiling(0.975 * (Resamples - 1))], values.Count);
    }
}
