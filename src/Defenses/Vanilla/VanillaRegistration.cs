using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.Vanilla;

public sealed class VanillaRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<VanillaDefense>(DefenseIds.Vanilla, "No defense: the undefended backbone (the baseline every defense is compared with).");
}
