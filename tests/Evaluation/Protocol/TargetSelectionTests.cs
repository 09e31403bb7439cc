using NUnit.Framework;
using Robustness.Evaluation.Protocol;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class TargetSelectionTests
{
    [Test]
    public void Choose_AnySeed_NeverTheTrueLabelAndReproducible([Random(0, 100_000, 4)] int seed)
    {
        using var labels = arange(10, dtype: int64).repeat(200);
        using var targets = TargetSelection.Choose(labels, 10, seed);
        using var again = TargetSelection.Choose(labels, 10, seed);
        Assert.Multiple(() =>
        {
            Assert.That(targets.eq(labels).any().item<bool>(), Is.False);
            Assert.That(targets.eq(again).all().item<bool>(), Is.True);
            Assert.That(targets.min().item<long>(), Is.GreaterThanOrEqualTo(0));
            Assert.That(targets.max().item<long>(), Is.LessThanOrEqualTo(9));
        });
    }

    [Test]
    public void Choose_ManyDraws_UsesAllNineWrongClassesRoughlyUniformly()
    {
        using var labels = zeros(9000, dtype: int64);
        using var targets = TargetSelection.Choose(labels, 10, 1);
        using var counts = targets.bincount(null, 10);
        var c = counts.data<long>().ToArray();
        Assert.That(c[0], Is.Zero);
        Assert.That(c.Skip(1), Has.All.InRange(800, 1200));
    }
}
