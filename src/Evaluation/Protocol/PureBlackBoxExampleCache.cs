using System.Collections.Concurrent;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// In-process cache of pure black-box adversarial examples. They do not depend on the defense, so they are
/// computed once per (dataset, profile, q, attack, goal, ε, seed, attacked points) and reused for every defense of a
/// run. The surrogate itself is shared across processes through the artefact store (its key has no oracle in it);
/// across processes only the attack is recomputed. Register as a singleton.
/// </summary>
public sealed class PureBlackBoxExampleCache : IDisposable
{
    private readonly ConcurrentDictionary<string, TransferExamples> entries = new();

    public int Count => entries.Count;

    public static string Key(TransferCell cell, int attackedPoints, int testCount) =>
        string.Join("|", cell.Dataset, cell.Profile, cell.Adversary, cell.Q.ToString("R"), cell.Attack, cell.Goal,
            cell.Epsilon.ToString("R"), cell.Seed, attackedPoints, testCount);

    /// <summary>The cached examples for <paramref name="key"/>, or those <paramref name="create"/> makes (then cached).</summary>
    public TransferExamples GetOrAdd(string key, Func<TransferExamples> create, out bool reused)
    {
        if (entries.TryGetValue(key, out var found))
        {
            reused = true;
            return found;
        }
        reused = false;
        var made = create();
        if (entries.TryAdd(key, made)) return made;
        made.Dispose();
        reused = true;
        return entries[key];
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values) entry.Dispose();
        entries.Clear();
    }
}
