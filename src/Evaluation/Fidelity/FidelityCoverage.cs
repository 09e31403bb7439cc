using Robustness.Core.Contracts;
using Robustness.Core.Fidelity;

namespace Robustness.Evaluation.Fidelity;

/// <summary>Which registered plug-ins have no fidelity row (their reports say "no reference recorded").</summary>
public static class FidelityCoverage
{
    public static IReadOnlyList<PluginDescriptor> Missing(FidelityCatalog catalog, IEnumerable<PluginDescriptor> registered) =>
        registered.Where(p => catalog.Find(FidelityKinds.Of(p.Kind), p.Id) is null).OrderBy(p => p.Kind).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
}
