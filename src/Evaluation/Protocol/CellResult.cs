namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Outcome of one transfer cell; plain data (arrays, strings), serialisable with System.Text.Json for the results store.
/// Per-example arrays are aligned with <see cref="TestIndices"/>.
/// </summary>
public sealed record CellResult
{
    public required TransferCell Cell { get; init; }

    // Scores
    /// <summary>Defense accuracy = 1 − success rate of the transferred examples against the defense.</summary>
    public required double DefenseAccuracy { get; init; }
    /// <summary>Success rate of the attack on the adversary's own surrogate (white box): a weak attack shows here.</summary>
    public required double WhiteBoxSuccessRate { get; init; }
    /// <summary>The defense's accuracy on the clean test images of the profile (Reject = error).</summary>
    public required double CleanAccuracy { get; init; }
    public required int CleanTestImages { get; init; }
    /// <summary>Rejects among the defense's answers on the adversarial examples.</summary>
    public required int AdversarialRejects { get; init; }

    // Per example
    public required int[] TestIndices { get; init; }
    public required long[] TrueLabels { get; init; }
    public long[]? Targets { get; init; }
    public required long[] DefensePredictions { get; init; }
    public required bool[] Success { get; init; }
    public required bool[] WhiteBoxSuccess { get; init; }
    public required float[] L2 { get; init; }
    public required float[] Linf { get; init; }

    // Surrogate and cost
    public required string SurrogateArtefact { get; init; }
    public required int SurrogateTrainingSetSize { get; init; }
    public double? SurrogateAgreement { get; init; }
    public required long Queries { get; init; }
    public required long RejectedQueries { get; init; }
    /// <summary>Backbone forward passes the adversary's queries cost (queries × DefenseTraits.ForwardPassesPerQuery).</summary>
    public required long OracleForwardPasses { get; init; }
    /// <summary>Forward passes of the evaluation itself (clean test set + adversarial examples), not charged to the adversary.</summary>
    public required long EvaluationForwardPasses { get; init; }
    public required double SurrogateTrainingSeconds { get; init; }
    /// <summary>What the surrogate cost to train when it was built, whether this cell trained it or loaded it.</summary>
    public double SurrogateBuildSeconds { get; init; }
    public required double AttackSeconds { get; init; }
    /// <summary>True when the adversarial examples came from the pure black-box cache (computed for another defense).</summary>
    public required bool ExamplesReused { get; init; }
    public required IReadOnlyDictionary<string, string> SurrogateConfig { get; init; }

    public int Attacked => Success.Length;
}
