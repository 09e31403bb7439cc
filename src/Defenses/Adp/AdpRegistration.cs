using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.Adp;

public sealed class AdpRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<AdpDefense, AdpOptions>(DefenseIds.Adp, new AdpOptions(),
            "ADP (Pang et al. 2019): 3 members trained jointly with ensemble entropy and log-det diversity; averaged softmax.");
}
