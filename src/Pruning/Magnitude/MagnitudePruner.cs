namespace Robustness.Pruning.Magnitude;

/// <summary>
/// One-shot magnitude pruning (Han et al. 2015 style): no pruning phase; the trained weights are hard-pruned
/// directly to the sparsity set (largest magnitudes, or largest structure norms) and then retrained with masks.
/// </summary>
public sealed class MagnitudePruner : IPruningMethod
{
    public PruningMethod Method => PruningMethod.Magnitude;

    public IReadOnlyList<PruningEpochLog> Run(PruningContext context) => [];
}
