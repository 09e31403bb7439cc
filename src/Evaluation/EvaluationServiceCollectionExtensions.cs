using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the harness: core's network trainer per backbone variant, the adversaries (idempotent) and the
    /// protocol's transfer / white-box cell runner.
    /// </summary>
    public static IServiceCollection AddRobustnessEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton<INetworkTrainerProvider, CoreNetworkTrainerProvider>();
        services.AddRobustnessAttacks();
        services.AddRobustnessAdversaries();
        services.AddSingleton<ICellRunnerFactory, ProtocolCellRunnerFactory>();
        return services;
    }
}
