namespace Robustness.Pruning;

/// <summary>One `robustness prune` run as its --summary-out file stores it: where it ran and what it measured.</summary>
public sealed record PruningRun(string Dataset, string Profile, PruningSummary Summary);
