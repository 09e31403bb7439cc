using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Evaluation.Plugins;

/// <summary>
/// Loads --plugin assemblies (each in its own <see cref="PluginLoadContext"/>) and lets their
/// <see cref="IPluginModule"/>s register defenses with services.AddDefense, exactly as built-in defenses do.
/// </summary>
public static class PluginLoader
{
    public const string Option = "--plugin";

    public static Assembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new PluginLoadException($"Plug-in '{path}' does not exist.");
        try
        {
            return new PluginLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new PluginLoadException($"Plug-in '{path}' is not a loadable .NET assembly: {e.Message}", e);
        }
    }

    public static IServiceCollection AddPlugins(this IServiceCollection services, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var assembly = Load(path);
            try
            {
                if (PluginModules.Find(assembly).Count == 0)
                    throw new PluginLoadException(
                        $"Plug-in '{path}': no IPluginModule found in it (a public class implementing {typeof(IPluginModule).FullName} with a parameterless constructor).");
                services.AddPluginModules(assembly);
            }
            catch (Exception e) when (e is not PluginLoadException)
            {
                var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
                throw new PluginLoadException($"Plug-in '{path}' failed to register: {inner.GetType().Name}: {inner.Message}", inner);
            }
        }
        return services;
    }

    /// <summary>The values of every --plugin option in a raw command line (read before the container is built).</summary>
    public static IReadOnlyList<string> FromArguments(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == Option && i + 1 < args.Count) paths.Add(args[++i]);
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal)) paths.Add(args[i][(Option.Length + 1)..]);
        }
        return paths;
    }
}
