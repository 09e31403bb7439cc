using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses;

public static class DefenseServiceCollectionExtensions
{
    /// <summary>
    /// Registers every built-in defense. Each defense folder holds an <see cref="IPluginModule"/> that registers
    /// itself with services.AddDefense — the same mechanism a researcher's plug-in assembly uses.
    /// </summary>
    public static IServiceCollection AddRobustnessDefenses(this IServiceCollection services) =>
        services.AddPluginModules(typeof(DefenseServiceCollectionExtensions).Assembly);
}
