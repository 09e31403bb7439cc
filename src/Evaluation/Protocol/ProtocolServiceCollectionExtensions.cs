using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Robustness.Attacks.Adversaries;

namespace Robustness.Evaluation.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>Registers both adversary models, the pure black-box example cache (one per process) and the runner.</summary>
    public static IServiceCollection AddRobustnessProtocol(this IServiceCollection services)
    {
        services.AddRobustnessAdversaries();
        services.TryAddSingleton<PureBlackBoxExampleCache>();
        services.TryAddTransient<AdversaryRunner>();
        return services;
    }
}
