namespace Robustness.Evaluation.Reports;

/// <summary>Per-example worst case: a point counts as robust only if no attack of any adversary broke it.</summary>
public sealed record WorstCaseRow(string Dataset, string Variant, string Defense, Estimate RobustFraction, int Points, int Settings);
