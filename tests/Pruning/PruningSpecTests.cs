using Robustness.Pruning.Projections;

namespace Robustness.Pruning.Tests;

public sealed class PruningSpecTests
{
    [TestCase("slr-0.8-irregular", PruningMethod.Slr, 0.8, SparsityType.Irregular)]
    [TestCase("admm-0.8-filter", PruningMethod.Admm, 0.8, SparsityType.Filter)]
    [TestCase("magnitude-0.5-irregular", PruningMethod.Magnitude, 0.5, SparsityType.Irregular)]
    [TestCase("slr-0.9-pattern", PruningMethod.Slr, 0.9, SparsityType.Pattern)]
    public void Parse_ValidId_RoundTrips(string id, PruningMethod method, double ratio, SparsityType type)
    {
        var spec = PruningSpec.Parse(id);
        Assert.That(spec, Is.EqualTo(new PruningSpec(method, ratio, type)));
        Assert.That(spec.Id, Is.EqualTo(id));
    }

    [TestCase("slr-1.5-irregular", "1.5")]
    [TestCase("slr-x-irregular", "x")]
    [TestCase("prune-0.5-irregular", "prune")]
    [TestCase("slr-0.5-diagonal", "diagonal")]
    [TestCase("slr-0.5", "method-ratio-type")]
    public void Parse_InvalidId_ThrowsNamingFault(string id, string fault) =>
        Assert.That(() => PruningSpec.Parse(id), Throws.ArgumentException.With.Message.Contains(fault));
}
