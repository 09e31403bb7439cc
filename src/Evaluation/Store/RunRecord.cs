namespace Robustness.Evaluation.Store;

/// <summary>One evaluation run: its config (JSON), profile and planned cell ids.</summary>
public sealed record RunRecord(string RunId, string ConfigName, string Profile, string ConfigJson, IReadOnlyList<string> PlannedCells, DateTimeOffset CreatedUtc);
