using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;

namespace Robustness.Pruning.Tests;

public sealed class PruningServiceCollectionExtensionsTests
{
    [Test]
    public void AddRobustnessPruning_Registers_PrunerDescriptorsAndVariantFactory()
    {
        using var provider = new ServiceCollection().AddRobustnessPruning().BuildServiceProvider();
        var ids = provider.GetServices<PluginDescriptor>().Where(p => p.Kind == PluginKind.Pruner).Select(p => p.Id);
        Assert.That(ids, Is.EquivalentTo(new[] { PruningIds.Slr, PruningIds.Admm, PruningIds.Magnitude, PruningIds.RigL }));
        Assert.That(provider.GetRequiredService<PruningVariantFactory>().Create("slr-0.8-irregular").Id, Is.EqualTo("slr-0.8-irregular"));
    }
}
