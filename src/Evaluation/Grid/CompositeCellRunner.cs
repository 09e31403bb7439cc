using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>Sends each cell to the runner registered for its kind; a kind nobody runs fails its cells, clearly.</summary>
public sealed class CompositeCellRunner(IEnumerable<ICellRunner> runners) : ICellRunner
{
    private readonly Dictionary<string, ICellRunner> byKind = runners
        .SelectMany(r => r.Kinds.Select(k => (Kind: k, Runner: r)))
        .GroupBy(x => x.Kind)
        .ToDictionary(g => g.Key, g => g.Last().Runner);

    public IReadOnlyCollection<string> Kinds => byKind.Keys;

    public CellOutcome Run(GridCell cell, CancellationToken cancellationToken) =>
        byKind.TryGetValue(cell.Kind, out var runner)
            ? runner.Run(cell, cancellationToken)
            : throw new NotSupportedException($"No runner for cell kind '{cell.Kind}' is registered in this build (registered: {string.Join(", ", byKind.Keys.Order())}).");
}
