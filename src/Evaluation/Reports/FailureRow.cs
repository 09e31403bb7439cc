using System.Text.Json.Serialization;

namespace Robustness.Evaluation.Reports;

/// <summary>A cell that failed (e.g. a throwing plug-in).</summary>
/// <param name="Error">The exception type and first message line: the report row.</param>
/// <param name="Detail">The full stored error with its stack trace: written to <see cref="LogFileName"/> beside the report.</param>
public sealed record FailureRow(string CellId, string Description, string Error, [property: JsonIgnore] string Detail)
{
    public const string LogFileName = "failures.log";
}
