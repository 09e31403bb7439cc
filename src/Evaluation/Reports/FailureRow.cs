namespace Robustness.Evaluation.Reports;

/// <summary>A cell that failed, with its error (e.g. a throwing plug-in).</summary>
public sealed record FailureRow(string CellId, string Description, string Error);
