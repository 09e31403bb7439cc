using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.KWta;

public sealed class KWtaRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<KWtaDefense, KWtaOptions>(DefenseIds.KWta, new KWtaOptions(),
            "k-WTA (Xiao et al. 2020): every ReLU of the backbone replaced by k-winners-take-all per layer (gamma 0.1).");
}
