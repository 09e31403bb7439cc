using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.OddsAreOdd;

public sealed class OddsAreOddRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<OddsAreOddDefense, OddsAreOddOptions>(DefenseIds.OddsAreOdd, new OddsAreOddOptions(),
            "The Odds are Odd: rejects inputs whose noise-induced logit-difference changes are abnormal (Roth et al., ICML 2019).");
}
