using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Data;
using Robustness.Core.Profiles;

namespace Robustness.Core.Contracts;

/// <summary>How any assembly — ours or a researcher's — registers a defense under a kebab-case id.</summary>
public static class DefenseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TDefense"/>, constructed with its options: <paramref name="options"/> are validated
    /// here, and each <see cref="DefenseFactory.Create"/> binds the profile's "defenses.&lt;id&gt;" section over them and
    /// validates the result before the defense is built.
    /// </summary>
    public static IServiceCollection AddDefense<TDefense, TOptions>(
        this IServiceCollection services, string id, TOptions options, string description = "")
        where TDefense : class, IDefense where TOptions : class, IDefenseOptions
    {
        EnsureUnique(services, PluginKind.Defense, id, typeof(TDefense));
        options.Validate(Section(id), dataset: null);
        services.AddSingleton(new PluginDescriptor(PluginKind.Defense, id, typeof(TDefense), description));
        services.AddKeyedSingleton(id, (provider, _) => new DefenseFactory(id,
            profile => ActivatorUtilities.CreateInstance<TDefense>(provider, BindOptions(id, options, profile))));
        return services;
    }

    public static IServiceCollection AddDefense<TDefense>(this IServiceCollection services, string id, string description = "")
        where TDefense : class, IDefense
    {
        EnsureUnique(services, PluginKind.Defense, id, typeof(TDefense));
        services.AddSingleton(new PluginDescriptor(PluginKind.Defense, id, typeof(TDefense), description));
        services.AddKeyedSingleton(id, (provider, _) => new DefenseFactory(id, _ => ActivatorUtilities.CreateInstance<TDefense>(provider)));
        return services;
    }

    /// <summary>The profile's "defenses.&lt;id&gt;" section bound over <paramref name="defaults"/>, validated.</summary>
    public static TOptions BindOptions<TOptions>(string id, TOptions defaults, DatasetProfile profile) where TOptions : class, IDefenseOptions
    {
        var section = Section(id);
        var bound = profile.Section(section, defaults);
        bound.Validate(section, KnownDataset(profile.Dataset));
        return bound;
    }

    private static string Section(string id) => $"defenses.{id}";

    private static DatasetInfo? KnownDataset(string id) => id switch
    {
        DatasetIds.Cifar10 or DatasetIds.FashionMnist => DatasetInfo.FromId(id),
        _ => null,
    };

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
