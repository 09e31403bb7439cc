using Robustness.Core.Profiles;
using Robustness.Pruning.Slr;

namespace Robustness.Pruning.Tests;

public sealed class PruningOptionsTests
{
    [Test]
    public void Validate_BadField_ThrowsNamingIt()
    {
        Assert.That(() => new PruningOptions { RetrainEpochs = -1 }.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("retrainEpochs"));
        Assert.That(() => new PruningOptions { Slr = new SlrOptions(M: 1) }.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("SLR M"));
        Assert.That(() => new PruningOptions { Slr = new SlrOptions(R: 1.5) }.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("SLR r"));
    }

    [Test]
    public void Section_SmokeProfile_OverridesEpochsAndKeepsSlrDefaults()
    {
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, "cifar10");
        var options = profile.Section(PruningVariantFactory.ProfileSection, new PruningOptions());
        Assert.That(options.Epochs, Is.EqualTo(1));
        Assert.That(options.RetrainEpochs, Is.EqualTo(1));
        Assert.That(options.Slr, Is.EqualTo(new SlrOptions()));
        Assert.That(options.Slr.M, Is.EqualTo(300));
    }
}
