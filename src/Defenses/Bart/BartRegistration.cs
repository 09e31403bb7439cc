using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.Bart;

public sealed class BartRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<BartDefense, BartOptions>(DefenseIds.Bart, new BartOptions(),
            "BaRT (Raff et al. 2019): k random transform groups in random order before a backbone trained on them.");
}
