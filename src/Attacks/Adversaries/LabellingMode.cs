namespace Robustness.Attacks.Adversaries;

/// <summary>Which points the oracle adversary sends to the oracle after each Jacobian augmentation.</summary>
public enum LabellingMode
{
    /// <summary>As the paper's code: relabel the whole (doubled) set every round — n(2^R − 1) queries, ≈ 15·n for R = 4.</summary>
    RelabelAll,

    /// <summary>Label only the new points — n·2^(R−1) queries, ≈ 8·n for R = 4; the same set for a deterministic oracle.</summary>
    NewOnly,
}
