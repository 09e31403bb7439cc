using Robustness.Pruning.Masks;
using Robustness.Pruning.Projections;
using Robustness.Pruning.Tests.Support;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Masks;

public sealed class PruningMaskTests
{
    [Test]
    public void Apply_IrregularMask_ZeroesExactlyPrunedWeightsAndLeavesExcludedUntouched()
    {
        using var scope = NewDisposeScope();
        using var net = TinyNetworks.Cnn(3);
        var before = LayerSelection.WeightLayers(net).ToDictionary(l => l.Name, l => l.Weight.detach().clone());
        var layers = LayerSelection.Select(net, 0.75, new PruningScope());
        using var mask = PruningMask.Project(layers, new IrregularProjection());
        mask.Apply();

        foreach (var layer in layers)
        {
            Assert.That(layer.Weight.count_nonzero().item<long>(), Is.EqualTo(layer.Weight.numel() - (long)Math.Round(0.75 * layer.Weight.numel())));
            Assert.That(layer.Weight.allclose(before[layer.Name] * mask[layer.Name], rtol: 0, atol: 0), Is.True);
        }
        foreach (var name in LayerSelection.Excluded(net, new PruningScope()))
            Assert.That(LayerSelection.Find(net, name).allclose(before[name], rtol: 0, atol: 0), Is.True, name);
    }

    [Test]
    public void SaveLoad_RoundTrip_GivesSameMasks()
    {
        using var scope = NewDisposeScope();
        using var dir = new TempDirectory();
        using var net = TinyNetworks.Cnn(1);
        var layers = LayerSelection.Select(net, 0.5, new PruningScope());
        using var mask = PruningMask.Project(layers, new FilterProjection());
        var path = Path.Combine(dir.Path, "mask.safetensors");
        mask.Save(path);
        using var loaded = PruningMask.Load(path, layers);
        foreach (var layer in layers)
            Assert.That(loaded[layer.Name].allclose(mask[layer.Name], rtol: 0, atol: 0), Is.True, layer.Name);
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        using var net = TinyNetworks.Cnn(1);
        var layers = LayerSelection.Select(net, 0.5, new PruningScope());
        Assert.That(() => PruningMask.Load("/nonexistent/mask.safetensors", layers),
            Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("/nonexistent/mask.safetensors"));
    }

    [Test]
    public void Measure_TinyNetwork_CountsMacsByHand()
    {
        using var scope = NewDisposeScope();
        using var net = TinyNetworks.Cnn(1, width: 2);
        var layers = LayerSelection.Select(net, 0.5, new PruningScope());
        using var mask = PruningMask.Project(layers, new IrregularProjection());
        mask.Apply();
        var report = SparsityAccounting.Measure(net, [1, 8, 8], layers.Select(l => l.Name));
        var byName = report.Layers.ToDictionary(l => l.Name);

        Assert.That(byName["conv1"].DenseMacs, Is.EqualTo(2 * 1 * 9 * 64));           // 8×8 output
        Assert.That(byName["conv3"].DenseMacs, Is.EqualTo(4 * 2 * 9 * 16));           // after 2×2 pool: 4×4
        Assert.That(byName["conv3"].SparseMacs, Is.EqualTo(36 * 16));                 // half of 72 weights
        Assert.That(byName["fc2"].DenseMacs, Is.EqualTo(32 * 10));
        Assert.That(byName["conv1"].Pruned, Is.False);
        Assert.That(report.DenseFlops, Is.EqualTo(2 * report.Layers.Sum(l => l.DenseMacs)));
        Assert.That(report.PrunedLayerSparsity, Is.EqualTo(0.5).Within(1e-9));
    }
}
