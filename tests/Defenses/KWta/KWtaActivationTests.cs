using NUnit.Framework;
using Robustness.Defenses.KWta;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.KWta;

public sealed class KWtaActivationTests
{
    [TestCase(100, 0.1, 10)]
    [TestCase(12544, 0.1, 1255)]
    [TestCase(7, 0.1, 1)]
    [TestCase(30, 0.1, 3)]
    [TestCase(64, 0.25, 16)]
    [TestCase(5, 1.0, 5)]
    public void KeepCount_LayerSize_IsCeilingOfGammaTimesD(long d, double gamma, long expected) =>
        Assert.That(KWtaActivation.KeepCount(d, gamma), Is.EqualTo(expected));

    [Test]
    public void Forward_RandomConvActivations_KeepsExactlyCeilGammaDPerSample([Values(0.1, 0.05, 0.3)] double gamma)
    {
        var x = randn(new long[] { 6, 8, 5, 5 }, generator: new Generator(1));
        var y = new KWtaActivation(gamma).call(x);
        var k = KWtaActivation.KeepCount(8 * 5 * 5, gamma);
        Assert.That(y.shape, Is.EqualTo(x.shape));
        Assert.That(y.flatten(1).ne(0).sum(1).data<long>().ToArray(), Is.All.EqualTo(k));
    }

    [Test]
    public void Forward_RandomActivations_KeptValuesAreTheLargestAndUnchanged()
    {
        var x = randn(new long[] { 4, 50 }, generator: new Generator(2));
        var y = new KWtaActivation(0.1).call(x);
        for (var n = 0; n < 4; n++)
        {
            var row = x[n].data<float>().ToArray();
            var threshold = row.OrderDescending().ElementAt(4);
            var expected = row.Select(v => v >= threshold ? v : 0f).ToArray();
            Assert.That(y[n].data<float>().ToArray(), Is.EqualTo(expected), $"sample {n}");
        }
    }

    [Test]
    public void Forward_AllValuesTied_StillKeepsExactlyK()
    {
        var x = ones(3, 4, 5, 5);
        var y = new KWtaActivation(0.1).call(x);
        Assert.That(y.flatten(1).ne(0).sum(1).data<long>().ToArray(), Is.All.EqualTo(10));
    }

    [Test]
    public void Forward_TiesAtTheThreshold_KeepsExactlyKAndAllStrictWinners()
    {
        // d = 20, k = 2: one strict winner (5) and three values tied at 3 competing for the last place.
        var row = new float[20];
        row[4] = 5; row[7] = 3; row[11] = 3; row[15] = 3;
        for (var i = 0; i < 20; i++) if (row[i] == 0) row[i] = -1 - i;
        var y = new KWtaActivation(0.1).call(tensor(row).unsqueeze(0)).squeeze(0).data<float>().ToArray();
        Assert.That(y.Count(v => v != 0), Is.EqualTo(2));
        Assert.That(y[4], Is.EqualTo(5f));
        Assert.That(y.Count(v => v == 3f), Is.EqualTo(1));
    }

    [Test]
    public void Backward_ThroughKWta_GradientReachesExactlyTheKeptPositions()
    {
        var x = randn(new long[] { 3, 40 }, generator: new Generator(3)).requires_grad_(true);
        var y = new KWtaActivation(0.1).call(x);
        (y * 2).sum().backward();
        var grad = x.grad!;
        Assert.That(grad.ne(0).eq(y.ne(0)).all().item<bool>(), Is.True, "gradient where kept, zero elsewhere");
        Assert.That(grad.masked_select(y.ne(0)).eq(2).all().item<bool>(), Is.True);
    }

    [Test]
    public void Sparsity_OutOfRange_ThrowsNamingTheValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new KWtaActivation(0));
        Assert.That(error!.Message, Does.Contain("(0, 1]"));
    }
}
