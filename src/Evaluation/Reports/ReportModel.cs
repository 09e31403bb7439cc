using System.Text.Json.Serialization;
using Robustness.Evaluation.Checklist;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Nightly;

namespace Robustness.Evaluation.Reports;

/// <summary>Everything a report shows, computed from the store; the writers only format it.</summary>
public sealed record ReportModel
{
    public required string RunId { get; init; }
    public required GridConfig Config { get; init; }
    public required DateTimeOffset GeneratedUtc { get; init; }
    public required int CellsPlanned { get; init; }
    public required int CellsCommitted { get; init; }
    public required IReadOnlyList<CleanRow> Clean { get; init; }
    public required IReadOnlyList<AttackRow> Attacks { get; init; }
    public required IReadOnlyList<WorstCaseRow> WorstCase { get; init; }
    public required IReadOnlyList<VariantComparisonRow> DenseVsPruned { get; init; }
    public required IReadOnlyList<CheckVerdict> Checklist { get; init; }
    public required IReadOnlyList<CheckVerdict> Standards { get; init; }
    public required IReadOnlyList<FailureRow> Failures { get; init; }
    public required ProvenanceSummary Provenance { get; init; }
    public required IReadOnlyList<string> Deviations { get; init; }

    /// <summary>For exactly the components the run used: their documented differences from the paper and their profile settings against the paper profile (docs/fidelity.md).</summary>
    public IReadOnlyList<DeviationRow> ComponentDeviations { get; init; } = [];
    public NightlyComparison? Nightly { get; init; }

    [JsonIgnore]
    public IReadOnlyList<ReportFigure> Figures { get; init; } = [];

    public IReadOnlyList<string> FigureCaptions => Figures.Select(f => $"{f.FileName}: {f.Caption}").ToList();
}
