using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Fidelity;

/// <summary>What a report's Deviations are generated from: the fidelity catalog and the profiles the run used.</summary>
public sealed record ReportFidelity(FidelityCatalog Catalog, ProfileCatalog Profiles)
{
    public static ReportFidelity Default() => new(FidelityCatalog.Default(), ProfileCatalog.Default());

    /// <summary>The built-in catalog plus what plug-ins declared (<see cref="FidelityRegistration.AddFidelity"/>), with <paramref name="profiles"/>.</summary>
    public static ReportFidelity From(IServiceProvider services, ProfileCatalog profiles) =>
        new(FidelityCatalog.Default().With(services.GetServices<ComponentFidelity>()), profiles);
}
