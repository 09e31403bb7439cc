namespace Robustness.Evaluation.Reports;

/// <summary>One setting's defense accuracy side by side for every backbone variant (dense vs pruned).</summary>
public sealed record VariantComparisonRow(string Dataset, string Defense, string Setting, IReadOnlyDictionary<string, double> AccuracyByVariant);
