namespace Robustness.Evaluation.Reports;

/// <summary>A mean over seeds with a bootstrap 95 % interval (equal to the mean when there is one seed).</summary>
public sealed record Estimate(double Mean, double Low, double High, int Seeds)
{
    public string Format(string format = "0.000") => Seeds > 1
        ? $"{Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} [{Low.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}, {High.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}]"
        : Mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
