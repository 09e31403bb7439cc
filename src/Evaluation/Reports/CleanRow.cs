namespace Robustness.Evaluation.Reports;

/// <summary>A defense's clean accuracy (Reject = error), false rejections and cost vs the baseline.</summary>
public sealed record CleanRow(string Dataset, string Variant, string Defense, Estimate CleanAccuracy, double FalseRejectionRate, double? CostVsBaseline);
