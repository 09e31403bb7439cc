using System.Globalization;
using System.Text;
using Robustness.Pruning.Projections;

namespace Robustness.Pruning;

/// <summary>
/// The SLR papers' convergence claim in numbers: hard-pruned (retrain-free) accuracy after every SLR/ADMM epoch,
/// and the epochs each run needs before that accuracy reaches a target (a fraction of the dense accuracy), at the
/// same sparsity. Runs are compared per (dataset, ratio, sparsity type).
/// </summary>
public static class PruningConvergence
{
    /// <summary>The first epoch whose hard-pruned accuracy is at least <paramref name="target"/>; null when none is.</summary>
    public static int? EpochsToReach(IReadOnlyList<PruningEpochLog> log, double target) =>
        log.FirstOrDefault(e => e.HardPrunedAccuracy >= target)?.Epoch;

    /// <summary>The accuracy a run must reach: <paramref name="fractionOfDense"/> of its dense accuracy.</summary>
    public static double Target(PruningSummary summary, double fractionOfDense)
    {
        if (!(fractionOfDense is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(fractionOfDense), fractionOfDense, "the convergence target must be a fraction of the dense accuracy in (0, 1]");
        return fractionOfDense * summary.DenseAccuracy;
    }

    /// <summary>Runs with a per-epoch log (SLR, ADMM), grouped by (dataset, ratio and type), methods in id order.</summary>
    public static IEnumerable<IGrouping<(string Dataset, string Sparsity), PruningRun>> Comparable(IEnumerable<PruningRun> runs) =>
        runs.Where(r => r.Summary.Log.Count > 0)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Summary.VariantId, StringComparer.Ordinal)
            .GroupBy(r => (r.Dataset, Sparsity(r.Summary.VariantId)));

    /// <summary>One Markdown table: a row per run, the hard-pruned accuracy after each epoch and the epochs to the target.</summary>
    public static string MarkdownTable(IReadOnlyList<PruningRun> runs, double fractionOfDense)
    {
        var comparable = runs.Where(r => r.Summary.Log.Count > 0).ToList();
        if (comparable.Count == 0) throw new ArgumentException("No run has a per-epoch log (SLR or ADMM); nothing to compare.", nameof(runs));
        var epochs = comparable.Max(r => r.Summary.Log.Count);
        var target = fractionOfDense.ToString("P0", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("| dataset | run | dense |");
        for (var e = 1; e <= epochs; e++) text.Append(CultureInfo.InvariantCulture, $" epoch {e} |");
        text.AppendLine(CultureInfo.InvariantCulture, $" epochs to {target} of dense |");
        text.Append("|---|---|---|").Append(string.Concat(Enumerable.Repeat("---|", epochs + 1))).AppendLine();
        foreach (var group in Comparable(comparable))
            foreach (var run in group)
            {
                var s = run.Summary;
                text.Append(CultureInfo.InvariantCulture, $"| {run.Dataset} | {s.VariantId} | {Percent(s.DenseAccuracy)} |");
                for (var e = 0; e < epochs; e++)
                    text.Append(e < s.Log.Count ? $" {Percent(s.Log[e].HardPrunedAccuracy)} |" : " – |");
                var reached = EpochsToReach(s.Log, Target(s, fractionOfDense));
                text.AppendLine(reached is { } n ? $" {n} |" : $" not within {s.Log.Count} |");
            }
        return text.ToString();
    }

    /// <summary>"slr-0.8-irregular" → "0.8-irregular": what must match for two runs to be compared.</summary>
    public static string Sparsity(string variantId)
    {
        var spec = PruningSpec.Parse(variantId);
        return $"{spec.Ratio.ToString("0.###", CultureInfo.InvariantCulture)}-{SparsityTypes.Format(spec.Type)}";
    }

    private static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);
}
