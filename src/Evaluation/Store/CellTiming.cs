using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Store;

/// <summary>
/// What the store recorded about one computed cell's cost, without its examples: the phase timings
/// (<see cref="CellOutcome.Timings"/>, seconds; "total" is the cell's wall time, see <see cref="TimingKeys"/>) and the
/// networks it used ("owner/role" → artefact hash), so an estimate can tell whether its training is still needed.
/// </summary>
public sealed record CellTiming(
    string RunId, GridCell Cell, CellStatus Status, IReadOnlyDictionary<string, double> Timings,
    IReadOnlyDictionary<string, string> Weights, DateTimeOffset FinishedUtc);
