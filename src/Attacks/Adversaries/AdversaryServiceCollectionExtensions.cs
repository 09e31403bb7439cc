using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Attacks.Adversaries;

public static class AdversaryServiceCollectionExtensions
{
    /// <summary>
    /// Registers both adversary models as keyed <see cref="IAdversaryModel"/> singletons (they hold no state).
    /// Idempotent: the harness and the protocol both ask for them.
    /// </summary>
    public static IServiceCollection AddRobustnessAdversaries(this IServiceCollection services) =>
        services.Any(d => d.ImplementationInstance is PluginDescriptor { Kind: PluginKind.Adversary, Id: AdversaryIds.PureBlackBox })
            ? services
            : services
        .AddAdversary<PureBlackBoxAdversary>(AdversaryIds.PureBlackBox, "Surrogate trained on the first q of the training set with true labels; no queries.")
        .AddAdversary<OracleJacobianAdversary>(AdversaryIds.OracleJacobian, "Papernot oracle adversary: oracle-labelled seed set, Jacobian augmentation rounds.");

    public static IServiceCollection AddAdversary<TAdversary>(this IServiceCollection services, string id, string description = "")
        where TAdversary : class, IAdversaryModel
    {
        if (services.Any(d => d.ImplementationInstance is PluginDescriptor { Kind: PluginKind.Adversary } p && p.Id == id))
            throw new InvalidOperationException($"Adversary id '{id}' is registered twice (second: {typeof(TAdversary).FullName}).");
        services.AddSingleton(new PluginDescriptor(PluginKind.Adversary, id, typeof(TAdversary), description));
        services.AddKeyedSingleton<IAdversaryModel, TAdversary>(id);
        return services;
    }
}
