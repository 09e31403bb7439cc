using Microsoft.Extensions.DependencyInjection;

namespace Robustness.Core.Contracts;

/// <summary>How any assembly — ours or a researcher's — registers a defense under a kebab-case id.</summary>
public static class DefenseRegistration
{
    public static IServiceCollection AddDefense<TDefense, TOptions>(
        this IServiceCollection services, string id, TOptions options, string description = "")
        where TDefense : class, IDefense where TOptions : class
    {
        EnsureUnique(services, PluginKind.Defense, id, typeof(TDefense));
        services.AddSingleton(new PluginDescriptor(PluginKind.Defense, id, typeof(TDefense), description));
        services.AddSingleton(options);
        services.AddKeyedTransient<IDefense>(id, (provider, _) => ActivatorUtilities.CreateInstance<TDefense>(provider, options));
        return services;
    }

    public static IServiceCollection AddDefense<TDefense>(this IServiceCollection services, string id, string description = "")
        where TDefense : class, IDefense
    {
        EnsureUnique(services, PluginKind.Defense, id, typeof(TDefense));
        services.AddSingleton(new PluginDescriptor(PluginKind.Defense, id, typeof(TDefense), description));
        services.AddKeyedTransient<IDefense>(id, (provider, _) => ActivatorUtilities.CreateInstance<TDefense>(provider));
        return services;
    }

    internal static void EnsureUnique(IServiceCollection services, PluginKind kind, string id, Type type)
    {
        if (!PluginIds.IsValid(id))
            throw new ArgumentException($"{kind} id '{id}' of {type.FullName} is not kebab-case (a-z, 0-9, '-', '@', '.').", nameof(id));
        var existing = services
            .Where(d => d.ServiceType == typeof(PluginDescriptor) && d.ImplementationInstance is PluginDescriptor p && p.Kind == kind && p.Id == id)
            .Select(d => (PluginDescriptor)d.ImplementationInstance!)
            .FirstOrDefault();
        if (existing is not null)
            throw new InvalidOperationException($"{kind} id '{id}' is registered twice: by {existing.ImplementationType.FullName} and by {type.FullName}.");
    }
}
