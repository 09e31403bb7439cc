using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Registers the harness: the network trainer provider (a clear error until one is registered) and cell runners.</summary>
    public static IServiceCollection AddRobustnessEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton<INetworkTrainerProvider, UnavailableNetworkTrainerProvider>();
        return services;
    }
}
