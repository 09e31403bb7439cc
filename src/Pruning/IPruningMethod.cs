namespace Robustness.Pruning;

/// <summary>The phase that drives a trained network towards the sparsity set before it is hard-pruned.</summary>
public interface IPruningMethod
{
    PruningMethod Method { get; }

    /// <summary>Runs <see cref="PruningContext.Epochs"/> epochs (none for one-shot methods); returns the per-epoch log.</summary>
    IReadOnlyList<PruningEpochLog> Run(PruningContext context);
}
