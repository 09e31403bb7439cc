namespace Robustness.Evaluation.Fidelity;

/// <summary>A component a run used: its fidelity kind and id, and the datasets it ran on.</summary>
public sealed record RunComponent(string Kind, string Id, IReadOnlyList<string> Datasets);
