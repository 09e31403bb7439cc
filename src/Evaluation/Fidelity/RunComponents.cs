using Robustness.Core.Fidelity;
using Robustness.Evaluation.Grid;
using Robustness.Pruning;

namespace Robustness.Evaluation.Fidelity;

/// <summary>The components a run used, read from its cells: the protocol, each dataset's backbone, and every attack, adversary, defense and pruner.</summary>
public static class RunComponents
{
    public const string ProtocolId = "black-box-transfer";

    public static IReadOnlyList<RunComponent> Of(IEnumerable<GridCell> cells)
    {
        var used = new Dictionary<(string Kind, string Id), SortedSet<string>>();
        void Add(string kind, string? id, string dataset)
        {
            if (string.IsNullOrEmpty(id)) return;
            if (!used.TryGetValue((kind, id), out var datasets)) used[(kind, id)] = datasets = new SortedSet<string>(StringComparer.Ordinal);
            datasets.Add(dataset);
        }
        foreach (var cell in cells)
        {
            Add(FidelityKinds.Protocol, ProtocolId, cell.Dataset);
            Add(FidelityKinds.Backbone, cell.Dataset, cell.Dataset);
            Add(FidelityKinds.Defense, cell.Defense, cell.Dataset);
            Add(FidelityKinds.Adversary, cell.Adversary, cell.Dataset);
            Add(FidelityKinds.Attack, cell.Attack, cell.Dataset);
            if (PruningSpec.TryParse(cell.Variant, out var spec)) Add(FidelityKinds.Pruner, PruningMethods.Format(spec.Method), cell.Dataset);
        }
        return used.OrderBy(u => FidelityKindOrder(u.Key.Kind)).ThenBy(u => u.Key.Id, StringComparer.Ordinal)
            .Select(u => new RunComponent(u.Key.Kind, u.Key.Id, u.Value.ToList())).ToList();
    }

    private static int FidelityKindOrder(string kind) => FidelityKinds.All.ToList().IndexOf(kind);
}
