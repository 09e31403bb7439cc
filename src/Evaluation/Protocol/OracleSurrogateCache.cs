using Robustness.Attacks.Adversaries;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// In-process cache of oracle-adversary surrogates for one run: every attack against the same oracle, q, seed and
/// budget uses the same surrogate, so it is built (queries, Jacobian augmentations, training) once, not once per
/// attack. Each cell still reports the queries that surrogate cost. Across processes the artefact store shares the
/// trained rounds only; the queries are then asked again.
/// </summary>
public sealed class OracleSurrogateCache : IDisposable
{
    private readonly Dictionary<string, SurrogateResult> entries = [];
    private readonly object gate = new();

    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    public static string Key(TransferCell cell, string oracleKey) =>
        string.Join("|", cell.Adversary, oracleKey, cell.Dataset, cell.Profile, cell.Q.ToString("R"), cell.Seed, cell.QueryBudget);

    /// <summary>The cached surrogate for <paramref name="key"/>, or the one <paramref name="build"/> makes (then cached).</summary>
    public SurrogateResult GetOrAdd(string key, Func<SurrogateResult> build, out bool reused)
    {
        lock (gate)
        {
            reused = entries.TryGetValue(key, out var found);
            if (reused) return found!;
            var made = build();
            foreach (var parameter in made.Surrogate.Module.parameters()) parameter.DetachFromDisposeScope();
            foreach (var buffer in made.Surrogate.Module.buffers()) buffer.DetachFromDisposeScope();
            return entries[key] = made;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var entry in entries.Values) entry.Dispose();
            entries.Clear();
        }
    }
}
