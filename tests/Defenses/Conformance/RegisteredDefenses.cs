using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Defenses.Tests.Conformance;

public static class RegisteredDefenses
{
    public static IEnumerable<string> Ids() => new ServiceCollection().AddRobustnessDefenses()
        .Where(d => d.ImplementationInstance is PluginDescriptor { Kind: PluginKind.Defense })
        .Select(d => ((PluginDescriptor)d.ImplementationInstance!).Id)
        .Order(StringComparer.Ordinal);

    /// <summary>The registered defense <paramref name="id"/> configured for <paramref name="profile"/> (its section bound and validated).</summary>
    public static IDefense Create(string id, DatasetProfile profile) => new ServiceCollection().AddRobustnessDefenses().BuildServiceProvider()
        .GetRequiredKeyedService<DefenseFactory>(id).Create(profile);

    /// <summary><see cref="Create(string, DatasetProfile)"/> as its concrete type, configured for the context's profile.</summary>
    public static T Create<T>(string id, DefenseContext context) where T : IDefense => (T)Create(id, context.Profile);
}
