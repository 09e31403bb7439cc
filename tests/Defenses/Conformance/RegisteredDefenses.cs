using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Defenses.Tests.Conformance;

public static class RegisteredDefenses
{
    public static IEnumerable<string> Ids() => new ServiceCollection().AddRobustnessDefenses()
        .Where(d => d.ImplementationInstance is PluginDescriptor { Kind: PluginKind.Defense })
        .Select(d => ((PluginDescriptor)d.ImplementationInstance!).Id)
        .Order(StringComparer.Ordinal);

    public static IDefense Create(string id) => new ServiceCollection().AddRobustnessDefenses().BuildServiceProvider()
        .GetRequiredKeyedService<IDefense>(id);
}
