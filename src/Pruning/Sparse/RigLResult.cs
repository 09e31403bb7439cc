using Robustness.Pruning.Masks;

namespace Robustness.Pruning.Sparse;

/// <summary>What sparse training from scratch produced; owns the final mask.</summary>
/// <param name="TrainingFlops">3 × sparse forward FLOPs per example seen, plus a dense gradient per example of each update batch.</param>
/// <param name="MaskChanges">Weights moved by drop-and-grow over the run (dropped = grown).</param>
public sealed record RigLResult(double Accuracy, SparsityReport Sparsity, double TrainingFlops, double Seconds,
    int Updates, long MaskChanges, PruningMask Mask) : IDisposable
{
    public void Dispose() => Mask.Dispose();
}
