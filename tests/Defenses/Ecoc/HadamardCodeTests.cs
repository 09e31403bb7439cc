using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
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

    /// <summary>Every (profile, dataset) pair that ships, with its ECOC section applied.</summary>
    private static IEnumerable<TestCaseData> ShippedConfigurations() =>
        from profile in ProfileNames.All
        from dataset in DatasetIds.All
        let options = ProfileCatalog.Default().Get(profile, dataset).Section($"defenses.{DefenseIds.Ecoc}", new EcocOptions())
        select new TestCaseData(DatasetInfo.FromId(dataset).NumClasses, options.CodeLength, options.Networks)
            .SetArgDisplayNames(profile, dataset);

    [TestCaseSource(nameof(ShippedConfigurations))]
    public void Codewords_ShippedConfiguration_MembersLearnDistinctNonConstantBits(int classes, int bits, int networks) =>
        AssertDistinctNonConstantBits(classes, bits, networks);

    [Test]
    public void Codewords_OtherLengthsAndMemberCounts_MembersLearnDistinctNonConstantBits(
        [Values(16, 32, 64)] int bits, [Values(1, 2, 4, 8)] int networks) =>
        AssertDistinctNonConstantBits(10, bits, networks);

    [Test]
    public void Codewords_TooFewClassesForTheCodeLength_ThrowsNamingTheLength()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HadamardCode.Codewords(6, 32));
        Assert.That(error!.Message, Does.Contain("code length 32"));
    }

    /// <summary>
    /// Member m trains bits [m·B/N, (m+1)·B/N): no bit may be constant over the classes (nothing to learn), and no
    /// two bits — inside one member or across members — may split the classes the same way (equal or complementary
    /// columns: the same dichotomy learned twice).
    /// </summary>
    private static void AssertDistinctNonConstantBits(int classes, int bits, int networks)
    {
        using var code = HadamardCode.Codewords(classes, bits);
        var c = code.data<float>().ToArray();
        float At(int k, int j) => c[k * bits + j];
        var perMember = bits / networks;
        Assert.Multiple(() =>
        {
            for (var j = 0; j < bits; j++)
                Assert.That(Enumerable.Range(0, classes).Select(k => At(k, j)).Distinct().Count(), Is.EqualTo(2),
                    $"bit {j} (member {j / perMember}) is constant over the classes");
            for (var j = 0; j < bits; j++)
                for (var i = j + 1; i < bits; i++)
                {
                    var product = Enumerable.Range(0, classes).Select(k => At(k, j) * At(k, i)).Distinct().ToArray();
                    Assert.That(product.Length, Is.EqualTo(2),
                        $"bits {j} (member {j / perMember}) and {i} (member {i / perMember}) are {(product[0] > 0 ? "equal" : "complementary")}");
                }
        });
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
