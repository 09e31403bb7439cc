using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Robustness.Core.Contracts;

public static class PluginModules
{
    /// <summary>Runs every public, parameterless <see cref="IPluginModule"/> of <paramref name="assembly"/>, in name order.</summary>
    public static IServiceCollection AddPluginModules(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in Find(assembly))
            ((IPluginModule)Activator.CreateInstance(type)!).Register(services);
        return services;
    }

    /// <summary>The public, parameterless <see cref="IPluginModule"/> types of <paramref name="assembly"/>, in name order.</summary>
    public static IReadOnlyList<Type> Find(Assembly assembly) => assembly.GetExportedTypes()
        .Where(t => typeof(IPluginModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();
}
