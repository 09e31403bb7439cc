namespace Robustness.Evaluation.Nightly;

/// <summary>One cell's metric in the baseline and the nightly run; <see cref="Regression"/> when it fell beyond tolerance.</summary>
public sealed record NightlyDiffRow(string CellId, string Description, string Metric, double? Baseline, double? Current, bool Regression, string Note);
