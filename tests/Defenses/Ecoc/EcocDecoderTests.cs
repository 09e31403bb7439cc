using NUnit.Framework;
using Robustness.Defenses.Ecoc;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Ecoc;

public sealed class EcocDecoderTests
{
    [Test]
    public void Decode_RandomScores_ReturnsClassOfNearestCodeword([Values(0, 1, 2)] int seed)
    {
        using var decoder = new EcocDecoder(HadamardCode.Codewords(10, 32), 1e-6);
        var scores = 2 * randn(200, 32, generator: new Generator((ulong)seed));
        var bits = EcocDecoder.Bits(scores);
        var decoded = decoder.Decode(scores).data<long>().ToArray();
        var distances = cdist(bits.unsqueeze(0), decoder.Codewords.unsqueeze(0)).squeeze(0); // [200, 10]
        for (var n = 0; n < 200; n++)
        {
            var row = distances[n].data<float>().ToArray();
            var nearest = Array.IndexOf(row, row.Min());
            Assert.That(decoded[n], Is.EqualTo(nearest), $"example {n}");
        }
    }

    [Test]
    public void Decode_CodewordWithSevenFlippedBits_StillReturnsItsClass([Values(0, 1, 2)] int seed)
    {
        // Hamming distance 16 between codewords: up to 7 flipped bits are always corrected.
        using var decoder = new EcocDecoder(HadamardCode.Codewords(10, 32), 1e-6);
        var random = new Random(seed);
        for (var k = 0; k < 10; k++)
        {
            var word = decoder.Codewords[k].clone();
            foreach (var bit in Enumerable.Range(0, 32).OrderBy(_ => random.Next()).Take(7)) word[bit] = -word[bit];
            Assert.That(decoder.Decode(3 * word.unsqueeze(0)).item<long>(), Is.EqualTo(k), $"class {k}");
        }
    }

    [Test]
    public void Probabilities_AnyScores_ArePaperNormalisedPositiveCorrelations()
    {
        using var decoder = new EcocDecoder(HadamardCode.Codewords(10, 32), 1e-6);
        var scores = randn(50, 32, generator: new Generator(5));
        var p = decoder.Probabilities(scores);
        Assert.That((p.sum(1) - 1).abs().max().item<float>(), Is.LessThan(1e-5f));
        var positive = decoder.Correlations(EcocDecoder.Bits(scores)).clamp_min(0);
        var expected = positive / positive.sum(1, true);
        Assert.That((p - expected).abs().max().item<float>(), Is.LessThan(1e-4f));
    }

    [Test]
    public void HingeLoss_TinyBatch_EqualsHandComputation()
    {
        var codewords = tensor(new float[,] { { 1, -1 }, { -1, 1 } });
        var scores = tensor(new float[,] { { 2f, 0.5f }, { -0.5f, 0f } });
        var labels = tensor(new long[] { 0, 1 });
        // targets: [1,-1], [-1,1] → margins 1−2=−1→0, 1+0.5=1.5, 1−0.5=0.5, 1−0=1 → mean 0.75
        Assert.That(EcocHingeLoss.Compute(scores, labels, codewords).item<float>(), Is.EqualTo(0.75f).Within(1e-6f));
    }
}
