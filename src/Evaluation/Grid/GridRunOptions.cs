namespace Robustness.Evaluation.Grid;

/// <summary>How a grid run treats cells the store already holds, and how long a claim on a cell lasts.</summary>
public sealed record GridRunOptions
{
    /// <summary>Keep cells stored as failed instead of computing them again (default: a rerun retries them).</summary>
    public bool KeepFailed { get; init; }

    /// <summary>
    /// A claim not renewed for this long is stale and another process may take the cell (an owner on another host
    /// that died). The owner renews it every third of the lease while the cell computes.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);
}
