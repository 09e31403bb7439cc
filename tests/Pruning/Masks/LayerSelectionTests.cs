using Robustness.Pruning.Masks;
using Robustness.Pruning.Tests.Support;

namespace Robustness.Pruning.Tests.Masks;

public sealed class LayerSelectionTests
{
    [Test]
    public void Select_DefaultScope_ExcludesFirstConvShortcutAndClassifier()
    {
        using var net = TinyNetworks.Cnn(3);
        var names = LayerSelection.Select(net, 0.5, new PruningScope()).Select(l => l.Name);
        Assert.That(names, Is.EqualTo(new[] { "conv2", "conv3", "fc1" }));
        Assert.That(LayerSelection.Excluded(net, new PruningScope()), Is.EquivalentTo(new[] { "conv1", "shortcut", "fc2" }));
    }

    [Test]
    public void Select_NoDefaultExclusions_TakesEveryLayer()
    {
        using var net = TinyNetworks.Cnn(3);
        var scope = new PruningScope { ExcludeClassifier = false, ExcludeFirstConvolution = false, ExcludeShortcuts = false };
        Assert.That(LayerSelection.Select(net, 0.5, scope), Has.Count.EqualTo(6));
    }

    [Test]
    public void Select_LayerRatiosAndExclusions_OverrideGlobal()
    {
        using var net = TinyNetworks.Cnn(3);
        var scope = new PruningScope { Exclude = ["conv3"], LayerRatios = new() { ["fc1"] = 0.9 } };
        var layers = LayerSelection.Select(net, 0.5, scope).ToDictionary(l => l.Name, l => l.Ratio);
        Assert.That(layers, Is.EquivalentTo(new Dictionary<string, double> { ["conv2"] = 0.5, ["fc1"] = 0.9 }));
    }

    [Test]
    public void Select_UnknownLayerName_ThrowsNamingIt()
    {
        using var net = TinyNetworks.Cnn(3);
        var scope = new PruningScope { LayerRatios = new() { ["conv9"] = 0.9 } };
        Assert.That(() => LayerSelection.Select(net, 0.5, scope), Throws.ArgumentException.With.Message.Contains("conv9"));
    }

    [Test]
    public void Select_LayerRatioAboveOne_ThrowsNamingLayer()
    {
        using var net = TinyNetworks.Cnn(3);
        var scope = new PruningScope { LayerRatios = new() { ["fc1"] = 1.5 } };
        Assert.That(() => LayerSelection.Select(net, 0.5, scope), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("fc1"));
    }

    [Test]
    public void Select_MemberEnsemble_AppliesDefaultExclusionsToEachMember()
    {
        using var ensemble = new TinyEnsemble(3);
        var members = Enumerable.Range(0, 3).Select(i => $"members.{i}.").ToArray();

        Assert.That(LayerSelection.Excluded(ensemble, new PruningScope()),
            Is.EquivalentTo(members.SelectMany(m => new[] { m + "conv1", m + "shortcut", m + "fc2" })));
        Assert.That(LayerSelection.Select(ensemble, 0.5, new PruningScope()).Select(l => l.Name),
            Is.EqualTo(members.SelectMany(m => new[] { m + "conv2", m + "conv3", m + "fc1" })));
    }
}
