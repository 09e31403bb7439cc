using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.FeatureDistillation;

public sealed class FeatureDistillationRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<FeatureDistillationDefense, FeatureDistillationOptions>(DefenseIds.FeatureDistillation, new FeatureDistillationOptions(),
            "Feature distillation (Liu et al. 2019): 8x8 DCT quantisation (Beware's uniform step 80) in front of the vanilla backbone.");
}
