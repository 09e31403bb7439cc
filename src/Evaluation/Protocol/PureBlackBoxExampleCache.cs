namespace Robustness.Evaluation.Protocol;

/// <summary>
/// In-process cache of pure black-box adversarial examples. They do not depend on the defense, so they are
/// computed once per (dataset, profile, q, attack, goal, ε, seed, attacked points) and reused for every defense of a
/// run (the planner runs those cells next to each other). The last <c>capacity</c> sets are kept (the default covers
/// every q × attack × goal of a dataset and seed, so the backbone variants of a grid share them too); an evicted set is
/// disposed. The surrogate itself is shared across processes through the artefact store (its key has no oracle in it);
/// across processes only the attack is recomputed. Register as a singleton.
/// </summary>
public sealed class PureBlackBoxExampleCache(int capacity = 32) : IDisposable
{
    private readonly BoundedCache<TransferExamples> entries = new(capacity);
    private readonly object gate = new();
    private int hits, builds;

    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    public CacheCounts Counts
    {
        get { lock (gate) return new CacheCounts("pure black-box examples", hits, 0, builds); }
    }

    public static string Key(TransferCell cell, int attackedPoints, int testCount) =>
        string.Join("|", cell.Dataset, cell.Profile, cell.Adversary, cell.Q.ToString("R"), cell.Attack, cell.Goal,
            cell.Epsilon.ToString("R"), cell.Seed, attackedPoints, testCount);

    public bool Contains(string key)
    {
        lock (gate) return entries.Contains(key);
    }

    /// <summary>The cached examples for <paramref name="key"/>, or those <paramref name="create"/> makes (then cached).</summary>
    public TransferExamples GetOrAdd(string key, Func<TransferExamples> create, out bool reused)
    {
        lock (gate)
        {
            if (entries.TryGet(key, out var found))
            {
                hits++;
                reused = true;
                return found;
            }
            var made = create();
            builds++;
            entries.Add(key, made);
            reused = false;
            return made;
        }
    }

    public void Dispose()
    {
        lock (gate) entries.Dispose();
    }
}
