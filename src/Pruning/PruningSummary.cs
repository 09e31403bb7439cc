using System.Globalization;

namespace Robustness.Pruning;

/// <summary>The numbers a report shows for one pruned network.</summary>
public sealed record PruningSummary(
    string Network, string VariantId, long Seed, int Epochs, int RetrainEpochs,
    double DenseAccuracy, double HardPrunedAccuracy, double RetrainedAccuracy,
    double Sparsity, double PrunedLayerSparsity, long DenseFlops, long SparseFlops, double TrainingFlops,
    double PhaseSeconds, double RetrainSeconds, IReadOnlyList<PruningEpochLog> Log)
{
    public static PruningSummary From(PruningResult result, string network) => new(
        network, result.Spec.Id, result.Seed, result.Log.Count, result.Options.RetrainEpochs,
        result.DenseAccuracy, result.HardPrunedAccuracy, result.RetrainedAccuracy,
        result.Sparsity.Sparsity, result.Sparsity.PrunedLayerSparsity, result.Sparsity.DenseFlops, result.Sparsity.SparseFlops,
        result.TrainingFlops, result.PhaseSeconds, result.RetrainSeconds, result.Log);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Network} {VariantId}: dense {DenseAccuracy:P2}, hard-pruned {HardPrunedAccuracy:P2}, retrained {RetrainedAccuracy:P2}; " +
        $"sparsity {Sparsity:P1} (pruned layers {PrunedLayerSparsity:P1}); FLOPs {SparseFlops:N0}/{DenseFlops:N0}; " +
        $"{Epochs}+{RetrainEpochs} epochs, {PhaseSeconds:F1}+{RetrainSeconds:F1} s");
}
