namespace Robustness.Evaluation.Protocol;

/// <summary>
/// How often a shared object of a run was reused: <see cref="MemoryHits"/> from this process's cache,
/// <see cref="StoreLoads"/> from the artefact store (built by an earlier run or another process), <see cref="Builds"/> computed.
/// </summary>
public sealed record CacheCounts(string Name, int MemoryHits, int StoreLoads, int Builds)
{
    public int Requests => MemoryHits + StoreLoads + Builds;

    /// <summary>Fraction of requests that did not compute the object; 0 when there was none.</summary>
    public double HitRate => Requests == 0 ? 0 : (MemoryHits + StoreLoads) / (double)Requests;

    public override string ToString() =>
        $"{Name} {MemoryHits + StoreLoads}/{Requests} reused ({HitRate:P0}: {MemoryHits} in memory, {StoreLoads} from the store)";
}
