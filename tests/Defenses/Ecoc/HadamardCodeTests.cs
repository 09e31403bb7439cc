using NUnit.Framework;
using Robustness.Defenses.Ecoc;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Ecoc;

public sealed class HadamardCodeTests
{
    [Test]
    public void Codewords_TenClasses32Bits_AreMutuallyOrthogonalPlusMinusOneVectors()
    {
        using var c = HadamardCode.Codewords(10, 32);
        Assert.That(c.shape, Is.EqualTo(new long[] { 10, 32 }));
        Assert.That(c.abs().eq(1).all().item<bool>(), Is.True, "entries must be ±1");
        var gram = c.matmul(c.t());
        Assert.That(gram.eq(32 * eye(10)).all().item<bool>(), Is.True, "rows must be orthogonal with squared norm 32");
    }

    [Test]
    public void Codewords_TenClasses32Bits_EveryPairDiffersInHalfTheBits()
    {
        using var c = HadamardCode.Codewords(10, 32);
        for (var a = 0; a < 10; a++)
            for (var b = a + 1; b < 10; b++)
                Assert.That(c[a].ne(c[b]).sum().item<long>(), Is.EqualTo(16), $"codewords {a} and {b}");
        Assert.That(c.sum(1).abs().max().item<float>(), Is.EqualTo(0f), "every codeword is balanced (row 0 skipped)");
    }

    [Test]
    public void Sylvester_PowersOfTwo_SatisfyHadamardProperty([Values(1, 2, 4, 8, 16, 32, 64)] int order)
    {
        var h = HadamardCode.Sylvester(order);
        for (var i = 0; i < order; i++)
            for (var j = 0; j < order; j++)
            {
                var dot = 0;
                for (var k = 0; k < order; k++) dot += h[i, k] * h[j, k];
                Assert.That(dot, Is.EqualTo(i == j ? order : 0), $"rows {i}, {j}");
            }
    }

    [Test]
    public void Sylvester_OrderNotPowerOfTwo_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HadamardCode.Sylvester(12));
        Assert.That(error!.Message, Does.Contain("power of two"));
    }
}
