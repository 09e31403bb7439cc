namespace Robustness.Evaluation.Grid;

/// <summary>What one grid run did in this process.</summary>
public sealed record GridRunSummary(string RunId, int Total, int Skipped, int Computed, int Failed, TimeSpan Elapsed);
