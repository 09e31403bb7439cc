using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Store;

/// <summary>Everything one cell produced; committed to the store in one transaction.</summary>
/// <param name="Metrics">Keys from <see cref="MetricNames"/>.</param>
/// <param name="Timings">Phase → seconds (fit, surrogate, attack, predict ...).</param>
/// <param name="ComputationId">Fresh for every computation: shows whether a cell was recomputed.</param>
public sealed record CellOutcome(
    GridCell Cell,
    CellStatus Status,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ExampleOutcome> Examples,
    IReadOnlyDictionary<string, double> Timings,
    ProvenanceManifest Manifest,
    string? Error = null,
    DateTimeOffset? FinishedUtc = null,
    string ComputationId = "")
{
    public double? Metric(string name) => Metrics.TryGetValue(name, out var v) ? v : null;

    public static CellOutcome Failure(GridCell cell, Exception error, ProvenanceManifest manifest, IReadOnlyDictionary<string, double> timings) =>
        new(cell, CellStatus.Failed, new Dictionary<string, double>(), [], timings, manifest, Describe(error));

    public static string Describe(Exception error)
    {
        var inner = error is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : error;
        return $"{inner.GetType().Name}: {inner.Message}";
    }
}
