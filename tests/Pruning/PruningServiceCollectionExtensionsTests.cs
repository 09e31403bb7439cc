using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Training;

namespace Robustness.Pruning.Tests;

public sealed class PruningServiceCollectionExtensionsTests
{
    [Test]
    public void AddRobustnessPruning_Registers_PrunerDescriptorsAndVariantFactory()
    {
        using var provider = new ServiceCollection().AddRobustnessPruning().BuildServiceProvider();
        var ids = provider.GetServices<PluginDescriptor>().Where(p => p.Kind == PluginKind.Pruner).Select(p => p.Id);
        Assert.That(ids, Is.EquivalentTo(new[] { PruningIds.Slr, PruningIds.Admm, PruningIds.Magnitude, PruningIds.RigL }));
        Assert.That(provider.GetRequiredService<PruningVariantFactory>().Create("slr-0.8-irregular", null, _ => throw new AssertionException("not evaluated")).Id,
            Is.EqualTo("slr-0.8-irregular"));
    }

    [Test]
    public void GetKeyedService_PruningId_IsNotAnsweredWithoutTheProfile()
    {
        // A keyed answer would bypass the profile's "pruning" section (default options, default artefact key).
        using var provider = new ServiceCollection().AddRobustnessPruning().BuildServiceProvider();
        Assert.That(provider.GetKeyedService<INetworkVariant>("slr-0.8-irregular"), Is.Null);
    }
}
