using Robustness.Core.Contracts;

namespace Robustness.Attacks.Adversaries;

/// <summary>What building a surrogate produced and cost. Owns <see cref="Surrogate"/>.</summary>
/// <param name="Surrogate">The trained surrogate, differentiable, in evaluation mode.</param>
/// <param name="ArtefactHash">Content hash of the final surrogate's weights artefact.</param>
/// <param name="TrainingSetSize">Labelled examples of the last round (Rejects excluded).</param>
/// <param name="Queries">Images sent to the oracle's Predict while building (labelling queries).</param>
/// <param name="Rejected">Oracle answers that were Reject and were dropped.</param>
/// <param name="OracleForwardPasses">Queries × the defense's forward passes per query.</param>
/// <param name="TrainingSeconds">Wall time of surrogate training (0 when loaded from cache).</param>
/// <param name="Agreement">Fraction of held-out images where surrogate and oracle agree (oracle Rejects excluded); null if not measured.</param>
/// <param name="FromCache">True when every training round was loaded from the artefact store.</param>
/// <param name="Config">Settings that shaped the surrogate (rounds, epochs, λ schedule, labelling mode), for reports.</param>
public sealed record SurrogateResult(
    ModuleClassifier Surrogate,
    string ArtefactHash,
    int TrainingSetSize,
    long Queries,
    long Rejected,
    long OracleForwardPasses,
    double TrainingSeconds,
    double? Agreement,
    bool FromCache,
    IReadOnlyDictionary<string, string> Config) : IDisposable
{
    /// <summary>Training wall time of the surrogate as recorded when it was built, also when loaded from cache.</summary>
    public double BuildSeconds { get; init; }

    public void Dispose() => Surrogate.Module.Dispose();
}
