using NUnit.Framework;
using Robustness.Core.Contracts;

namespace Robustness.Core.Tests.Contracts;

public sealed class ClosestNameTests
{
    private static readonly string[] Options = ["config", "store", "profile", "profiles-file", "run", "reports", "seed", "eps"];

    [TestCase("confg", "config")]
    [TestCase("stroe", "store")]
    [TestCase("profiels-file", "profiles-file")]
    [TestCase("CONFIG", "config")]
    public void Find_OneTypoAway_ReturnsTheIntendedName(string typo, string intended) =>
        Assert.That(ClosestName.Find(typo, Options), Is.EqualTo(intended));

    [TestCase("zz")]
    [TestCase("steps")]
    [TestCase("verbose")]
    public void Find_NothingWithinAThirdOfTheName_ReturnsNull(string name) =>
        Assert.That(ClosestName.Find(name, Options), Is.Null);

    [Test]
    public void Hint_NoCloseName_ListsEveryKnownNameInOrder() =>
        Assert.That(ClosestName.Hint("zz", ["b", "a"]), Is.EqualTo("known: 'a', 'b'"));

    [TestCase("ab", "ba", 1)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    [TestCase("same", "same", 0)]
    public void Distance_KnownPairs(string a, string b, int expected)
    {
        Assert.That(ClosestName.Distance(a, b), Is.EqualTo(expected));
        Assert.That(ClosestName.Distance(b, a), Is.EqualTo(expected), "symmetric");
    }
}
