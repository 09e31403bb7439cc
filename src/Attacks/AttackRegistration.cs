using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Robustness.Core.Contracts;

namespace Robustness.Attacks;

/// <summary>How any assembly — ours or a researcher's — registers an attack under a kebab-case id.</summary>
public static class AttackRegistration
{
    public static IServiceCollection AddAttack<TAttack, TOptions>(
        this IServiceCollection services, string id, TOptions defaults, Func<TOptions, TAttack> create, string description = "")
        where TAttack : class, IAttack where TOptions : class, IAttackOptions
    {
        if (!PluginIds.IsValid(id))
            throw new ArgumentException($"Attack id '{id}' of {typeof(TAttack).FullName} is not kebab-case (a-z, 0-9, '-', '@', '.').", nameof(id));
        var existing = services
            .Select(d => d.ImplementationInstance)
            .OfType<PluginDescriptor>()
            .FirstOrDefault(p => p.Kind == PluginKind.Attack && p.Id == id);
        if (existing is not null)
            throw new InvalidOperationException($"Attack id '{id}' is registered twice: by {existing.ImplementationType.FullName} and by {typeof(TAttack).FullName}.");
        services.AddSingleton(new PluginDescriptor(PluginKind.Attack, id, typeof(TAttack), description));
        services.AddSingleton(new AttackDefinition(id, typeof(TAttack), defaults, options => create((TOptions)options)));
        services.AddKeyedTransient<IAttack>(id, (_, _) => create(defaults));
        services.TryAddSingleton<AttackFactory>();
        return services;
    }
}
