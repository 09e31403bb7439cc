using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Seconds this process spent training networks, by <see cref="TimingKeys"/> training key. The grid reads it before
/// and after each cell, so a cell's stored timings say how much of its wall time was training that a later run with
/// the artefacts in store will not repeat. Thread-safe; only adds.
/// </summary>
public sealed class TrainingLedger
{
    private readonly Dictionary<string, double> seconds = [];

    public void Add(string key, double value)
    {
        if (value <= 0) return;
        lock (seconds) seconds[key] = seconds.GetValueOrDefault(key) + value;
    }

    public IReadOnlyDictionary<string, double> Snapshot()
    {
        lock (seconds) return new Dictionary<string, double>(seconds);
    }

    /// <summary>What was added since <paramref name="before"/> (a <see cref="Snapshot"/>), every training key present.</summary>
    public Dictionary<string, double> Since(IReadOnlyDictionary<string, double> before)
    {
        var now = Snapshot();
        return TimingKeys.Training.ToDictionary(k => k, k => now.GetValueOrDefault(k) - before.GetValueOrDefault(k));
    }
}
