using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>Adds to each outcome's timings the seconds the cell spent training networks (<see cref="TimingKeys.Training"/>).</summary>
internal sealed class LedgerCellRunner(ICellRunner inner, TrainingLedger ledger) : ICellRunner, IDisposable
{
    public IReadOnlyCollection<string> Kinds => inner.Kinds;

    public CellOutcome Run(GridCell cell, CancellationToken cancellationToken)
    {
        var before = ledger.Snapshot();
        var outcome = inner.Run(cell, cancellationToken);
        var timings = new Dictionary<string, double>(outcome.Timings);
        foreach (var (key, seconds) in ledger.Since(before)) timings[key] = seconds;
        return outcome with { Timings = timings };
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
