using NUnit.Framework;
using Robustness.Defenses.Bart;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Bart;

public sealed class BartBarrageTests
{
    [Test]
    public void Apply_SameImageTwice_GetsDifferentDraws()
    {
        var barrage = new BartBarrage(BartGroups.For(3), 4);
        var image = rand([1, 3, 32, 32], generator: new Generator(1)).expand(4, 3, 32, 32).contiguous();
        var generator = new Generator(2);
        var first = barrage.Apply(image, generator);
        var second = barrage.Apply(image, generator);
        Assert.That((first - second).abs().max().item<float>(), Is.GreaterThan(1e-3f));
        Assert.That((first[0] - first[1]).abs().max().item<float>(), Is.GreaterThan(1e-3f), "copies in one batch differ too");
    }

    [TestCase(3, 10)]
    [TestCase(1, 8)]
    public void Apply_FixedSeed_Reproduces(int channels, int k)
    {
        var barrage = new BartBarrage(BartGroups.For(channels), k);
        var images = rand([6, channels, 28, 28], generator: new Generator(4));
        var first = barrage.Apply(images, new Generator(42));
        var second = barrage.Apply(images, new Generator(42));
        Assert.That(first.eq(second).all().item<bool>(), Is.True);
        Assert.That(first.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(first.max().item<float>(), Is.LessThanOrEqualTo(1f));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(7)]
    [TestCase(10)]
    public void Apply_K_AppliesExactlyKDistinctGroupsPerImage(int k)
    {
        // Fake group g adds 2^g/2^12: the sum reveals exactly which groups ran on each image, once each.
        var groups = Enumerable.Range(0, 10).Select(g => (IBartTransform)new MarkerTransform(g)).ToList();
        var barrage = new BartBarrage(groups, k);
        var output = barrage.Apply(zeros(64, 1, 2, 2), new Generator(7));
        var codes = (output.select(1, 0)[.., 0, 0] * 4096).round().to_type(ScalarType.Int64).data<long>().ToArray();
        Assert.That(codes.Select(c => System.Numerics.BitOperations.PopCount((ulong)c)), Is.All.EqualTo(k));
        Assert.That(codes.Distinct().Count(), Is.GreaterThan(k == 10 ? 0 : 1), "groups vary between images");
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(10)]
    public void DrawTrainingCounts_K_IsRoundOfKTimesUniform(int k)
    {
        // round(k·u): 0 and k each cover half a unit of k·u, every count in between a whole unit.
        var barrage = new BartBarrage(Enumerable.Range(0, 10).Select(g => (IBartTransform)new MarkerTransform(g)).ToList(), k);
        const int n = 40_000;
        var counts = barrage.DrawTrainingCounts(n, new Generator(11)).data<long>().ToArray();
        for (var c = 0; c <= k; c++)
        {
            var expected = c == 0 || c == k ? 1.0 / (2 * k) : 1.0 / k;
            Assert.That(counts.Count(v => v == c) / (double)n, Is.EqualTo(expected).Within(0.01), $"P(count = {c})");
        }
        Assert.That(counts, Is.All.InRange(0L, (long)k));
    }

    [Test]
    public void ApplyForTraining_K4_AppliesTheDrawnNumberOfDistinctGroups()
    {
        var groups = Enumerable.Range(0, 10).Select(g => (IBartTransform)new MarkerTransform(g)).ToList();
        var barrage = new BartBarrage(groups, 4);
        const int n = 4000;
        var output = barrage.ApplyForTraining(zeros(n, 1, 2, 2), new Generator(12));
        var applied = (output.select(1, 0)[.., 0, 0] * 4096).round().to_type(ScalarType.Int64).data<long>().ToArray()
            .Select(c => System.Numerics.BitOperations.PopCount((ulong)c)).ToArray();
        double[] expected = [1 / 8.0, 1 / 4.0, 1 / 4.0, 1 / 4.0, 1 / 8.0];
        for (var c = 0; c <= 4; c++)
            Assert.That(applied.Count(v => v == c) / (double)n, Is.EqualTo(expected[c]).Within(0.025), $"images with {c} groups");
        var test = barrage.Apply(zeros(n, 1, 2, 2), new Generator(12));
        Assert.That((test.select(1, 0)[.., 0, 0] * 4096).round().to_type(ScalarType.Int64).data<long>().ToArray()
            .Select(c => System.Numerics.BitOperations.PopCount((ulong)c)), Is.All.EqualTo(4), "test time keeps k");
    }

    [Test]
    public void Draw_Rows_AreDistinctGroupsInRandomOrder()
    {
        var barrage = new BartBarrage(BartGroups.For(3), 7);
        var plan = barrage.Draw(200, new Generator(3));
        Assert.That(plan.shape, Is.EqualTo(new long[] { 200, 7 }));
        for (var i = 0; i < 200; i++)
            Assert.That(plan[i].data<long>().ToArray(), Is.Unique.And.All.InRange(0L, 9L));
        Assert.That(plan.select(1, 0).unique().Item1.numel(), Is.EqualTo(10), "every group comes first for some image");
    }

    [Test]
    public void Constructor_KAboveGroups_Throws() =>
        Assert.That(() => new BartBarrage(BartGroups.For(1), 9), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private sealed class MarkerTransform(int group) : IBartTransform
    {
        public string Name => $"marker-{group}";
        public bool NeedsColour => false;
        public Tensor Apply(Tensor images, Generator generator) => images + (1 << group) / 4096f;
    }
}
