using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.DistributionClassifier;

public sealed class DistributionClassifierRegistration : IPluginModule
{
    public void Register(IServiceCollection services) =>
        services.AddDefense<DistributionClassifierDefense, DistributionClassifierOptions>(DefenseIds.DistributionClassifier, new DistributionClassifierOptions(),
            "Distribution classifier: KDEs of softmax over random resize-pad copies, classified by ML.NET SDCA (Kou et al., ICLR 2020).");
}
