using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class AdversaryRegistrationTests
{
    [Test]
    public void AddRobustnessAdversaries_CalledTwice_RegistersEachIdOnceAndResolvesByKey()
    {
        var services = new ServiceCollection().AddRobustnessAdversaries().AddRobustnessAdversaries();
        using var provider = services.BuildServiceProvider();
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetServices<PluginDescriptor>().Count(p => p.Kind == PluginKind.Adversary), Is.EqualTo(2));
            Assert.That(provider.GetRequiredKeyedService<IAdversaryModel>(AdversaryIds.OracleJacobian), Is.TypeOf<OracleJacobianAdversary>());
            Assert.That(provider.GetRequiredKeyedService<IAdversaryModel>(AdversaryIds.PureBlackBox), Is.TypeOf<PureBlackBoxAdversary>());
        });
    }

    [Test]
    public void AddAdversary_SameIdDifferentType_ThrowsNamingBothTypes()
    {
        var services = new ServiceCollection().AddRobustnessAdversaries();
        var error = Assert.Throws<InvalidOperationException>(() => services.AddAdversary<OracleJacobianAdversary>(AdversaryIds.PureBlackBox));
        Assert.That(error!.Message, Does.Contain(nameof(PureBlackBoxAdversary)).And.Contain(nameof(OracleJacobianAdversary)));
    }
}
