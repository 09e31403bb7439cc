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

    /// <summary>The exception type and first message line: what a report row or a progress line shows.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ErrorSummary => Error is null ? null : FirstLine(Error);

    /// <summary>
    /// "Type: message" followed by the stack trace and any inner exception: the full text the store keeps
    /// (a native libtorch message alone can span thousands of characters of C++ frames).
    /// </summary>
    public static string Describe(Exception error)
    {
        var inner = error is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : error;
        var text = $"{inner.GetType().Name}: {inner.Message}";
        if (inner.StackTrace is { } trace) text += "\n" + trace;
        if (inner.InnerException is { } cause) text += "\n---> " + cause;
        return text;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        return (end < 0 ? trimmed : trimmed[..end]).TrimEnd();
    }
}
