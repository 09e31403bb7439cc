using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>Computes one cell. Throwing is allowed: the grid runner stores the error as a failed cell.</summary>
public interface ICellRunner
{
    /// <summary>The cell kinds (<see cref="CellKinds"/>) this runner computes.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    CellOutcome Run(GridCell cell, CancellationToken cancellationToken);
}
