using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.ComDefend;

public sealed class ComDefendRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<ComDefendDefense, ComDefendOptions>(DefenseIds.ComDefend, new ComDefendOptions(),
            "ComDefend (Jia et al. 2019): ComCNN -> noisy code (binarised for RGB) -> RecCNN purifier in front of the vanilla backbone; randomised.");
}
