using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Attacks.Adversaries;

public static class AdversaryServiceCollectionExtensions
{
    /// <summary>Registers both adversary models as keyed <see cref="IAdversaryModel"/> singletons (they hold no state); idempotent.</summary>
    public static IServiceCollection AddRobustnessAdversaries(this IServiceCollection services) => services
        .AddAdversary<PureBlackBoxAdversary>(AdversaryIds.PureBlackBox, "Surrogate trained on the first q of the training set with true labels; no queries.")
        .AddAdversary<OracleJacobianAdversary>(AdversaryIds.OracleJacobian, "Papernot oracle adversary: oracle-labelled seed set, Jacobian augmentation rounds.");

    public static IServiceCollection AddAdversary<TAdversary>(this IServiceCollection services, string id, string description = "")
        where TAdversary : class, IAdversaryModel
    {
        var existing = services.Select(d => d.ImplementationInstance).OfType<PluginDescriptor>()
            .FirstOrDefault(p => p.Kind == PluginKind.Adversary && p.Id == id);
        if (existing?.ImplementationType == typeof(TAdversary)) return services; // registering the same adversary again is a no-op
        if (existing is not null)
            throw new InvalidOperationException($"Adversary id '{id}' is registered twice: by {existing.ImplementationType.FullName} and by {typeof(TAdversary).FullName}.");
        services.AddSingleton(new PluginDescriptor(PluginKind.Adversary, id, typeof(TAdversary), description));
        services.AddKeyedSingleton<IAdversaryModel, TAdversary>(id);
        return services;
    }
}
