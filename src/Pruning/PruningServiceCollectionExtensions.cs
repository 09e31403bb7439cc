using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Pruning.Admm;
using Robustness.Pruning.Magnitude;
using Robustness.Pruning.Slr;
using Robustness.Pruning.Sparse;

namespace Robustness.Pruning;

public static class PruningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pruning methods (PluginKind.Pruner: slr, admm, magnitude, rigl) and the
    /// <see cref="PruningVariantFactory"/> that turns a variant id into an <see cref="Core.Training.INetworkVariant"/>.
    /// </summary>
    public static IServiceCollection AddRobustnessPruning(this IServiceCollection services)
    {
        services.AddSingleton(new PluginDescriptor(PluginKind.Pruner, PruningIds.Slr, typeof(SlrPruner),
            "Surrogate Lagrangian Relaxation pruning (conditional multiplier updates), then hard prune and masked retraining."));
        services.AddSingleton(new PluginDescriptor(PluginKind.Pruner, PruningIds.Admm, typeof(AdmmPruner),
            "ADMM pruning baseline (periodic unconditional Z/U updates, optional growing rho)."));
        services.AddSingleton(new PluginDescriptor(PluginKind.Pruner, PruningIds.Magnitude, typeof(MagnitudePruner),
            "One-shot magnitude pruning baseline."));
        services.AddSingleton(new PluginDescriptor(PluginKind.Pruner, PruningIds.RigL, typeof(RigLTrainer),
            "RigL-style sparse training from scratch (drop-and-grow at fixed sparsity), the 'sparse from the start' comparator."));
        services.AddSingleton<PruningVariantFactory>();
        // No keyed INetworkVariant for pruning ids: a variant needs the run's profile (its "pruning" section) and
        // held-out data, which only the factory's caller knows.
        return services;
    }
}
