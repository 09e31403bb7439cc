using Robustness.Evaluation.Protocol;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class OracleKeyTests
{
    private static readonly Dictionary<string, string> Weights = new() { ["adp/member-1"] = "b2", ["adp/member-0"] = "a1", ["ADP/x"] = "c3" };

    [Test]
    public void Of_WeightsInAnyOrder_SameKey()
    {
        var reversed = Weights.Reverse().ToDictionary(p => p.Key, p => p.Value);
        Assert.That(OracleKey.Of("adp", "quick", "cifar10", 0, "dense", reversed),
            Is.EqualTo(OracleKey.Of("adp", "quick", "cifar10", 0, "dense", Weights)));
    }

    [Test]
    public void Of_AnyPartChanges_KeyChanges()
    {
        var key = OracleKey.Of("adp", "quick", "cifar10", 0, "dense", Weights);
        var retrained = new Dictionary<string, string>(Weights) { ["adp/member-0"] = "ff" };
        Assert.That(new[]
        {
            OracleKey.Of("ecoc", "quick", "cifar10", 0, "dense", Weights),
            OracleKey.Of("adp", "paper", "cifar10", 0, "dense", Weights),
            OracleKey.Of("adp", "quick", "fashion-mnist", 0, "dense", Weights),
            OracleKey.Of("adp", "quick", "cifar10", 1, "dense", Weights),
            OracleKey.Of("adp", "quick", "cifar10", 0, "slr-0.8-irregular", Weights),
            OracleKey.Of("adp", "quick", "cifar10", 0, "dense", retrained),
        }, Has.None.EqualTo(key));
    }

    [Test]
    public void Of_WeightsSortedOrdinally_UppercaseFirst() =>
        Assert.That(OracleKey.Of("adp", "quick", "cifar10", 0, "dense", Weights),
            Does.EndWith("|ADP/x=c3,adp/member-0=a1,adp/member-1=b2"));
}
