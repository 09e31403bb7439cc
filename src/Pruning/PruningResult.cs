using Robustness.Pruning.Masks;

namespace Robustness.Pruning;

/// <summary>What pruning one network produced; owns the mask.</summary>
/// <param name="DenseAccuracy">Accuracy of the trained network before pruning.</param>
/// <param name="HardPrunedAccuracy">Right after the hard prune to exact masks, before retraining.</param>
/// <param name="RetrainedAccuracy">After masked retraining.</param>
/// <param name="TrainingFlops">Estimated FLOPs of the pruning phase and retraining (forward + backward ≈ 3× forward).</param>
public sealed record PruningResult(
    PruningSpec Spec, PruningOptions Options, long Seed, IReadOnlyList<PruningEpochLog> Log,
    double DenseAccuracy, double HardPrunedAccuracy, double RetrainedAccuracy, SparsityReport Sparsity,
    double PhaseSeconds, double RetrainSeconds, double TrainingFlops, PruningMask Mask) : IDisposable
{
    public void Dispose() => Mask.Dispose();
}
