using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;

namespace Robustness.Evaluation.Tests.Fidelity;

public sealed class FidelityCatalogTests
{
    private static FidelityCatalog Parse(string json) => FidelityCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    private const string OneAttack = """
        { "components": [ { "kind": "attack", "id": "x-attack", "title": "X", "reference": "x.py", "paper": "p", "framework": "f",
          "differences": [ { "aspect": "a", "paper": "p", "source": "s", "framework": "f", "deliberate": false, "profiles": ["quick"], "tracking": "issue 1" } ] } ] }
        """;

    [Test]
    public void Parse_ValidEntry_ReadsEveryField()
    {
        var x = Parse(OneAttack).Find(FidelityKinds.Attack, "x-attack")!;
        Assert.Multiple(() =>
        {
            Assert.That(x.Differences.Single().Tracking, Is.EqualTo("issue 1"));
            Assert.That(x.Differences.Single().AppliesTo("quick"), Is.True);
            Assert.That(x.Differences.Single().AppliesTo("paper"), Is.False);
        });
    }

    [Test]
    public void Parse_MissingRequiredField_NamesTheFileAndField()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(OneAttack.Replace("\"title\": \"X\", ", "", StringComparison.Ordinal)));
        Assert.That(error!.Message, Does.Contain("test.json").And.Contain("title"));
    }

    [Test]
    public void Parse_EmptyDifferenceField_NamesTheComponentAndAspect()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(OneAttack.Replace("\"source\": \"s\"", "\"source\": \" \"", StringComparison.Ordinal)));
        Assert.That(error!.Message, Does.Contain("x-attack").And.Contain("'a'").And.Contain("source"));
    }

    [Test]
    public void Parse_UnknownKind_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(OneAttack.Replace("\"kind\": \"attack\"", "\"kind\": \"attacker\"", StringComparison.Ordinal)));
        Assert.That(error!.Message, Does.Contain("attacker"));
    }

    [Test]
    public void Parse_MisspelledField_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(OneAttack.Replace("\"deliberate\"", "\"deliberated\"", StringComparison.Ordinal)));
        Assert.That(error!.Message, Does.Contain("deliberate"));
    }

    [Test]
    public void With_PluginDeclaringABuiltInId_FailsNamingIt()
    {
        var duplicate = new ComponentFidelity { Kind = FidelityKinds.Attack, Id = "x-attack", Title = "t", Reference = "r", Paper = "p", Framework = "f" };
        var error = Assert.Throws<InvalidDataException>(() => Parse(OneAttack).With([duplicate]));
        Assert.That(error!.Message, Does.Contain("x-attack").And.Contain("twice"));
    }

    [Test]
    public void From_PluginDeclaration_JoinsTheBuiltInCatalog()
    {
        var declared = new ComponentFidelity { Kind = FidelityKinds.Defense, Id = "my-defense", Title = "t", Reference = "r", Paper = "p", Framework = "f" };
        using var provider = new ServiceCollection().AddFidelity(declared).BuildServiceProvider();
        var fidelity = ReportFidelity.From(provider, ProfileCatalog.Default());
        Assert.Multiple(() =>
        {
            Assert.That(fidelity.Catalog.Find(FidelityKinds.Defense, "my-defense"), Is.SameAs(declared));
            Assert.That(fidelity.Catalog.Find(FidelityKinds.Attack, "pgd"), Is.Not.Null);
        });
    }

    private const string SharedDifference = """
        { "components": [
            { "kind": "pruner", "id": "p1", "title": "t", "reference": "r", "paper": "p", "framework": "f", "shared": ["variant"] },
            { "kind": "pruner", "id": "p2", "title": "t", "reference": "r", "paper": "p", "framework": "f",
              "differences": [ { "aspect": "own", "paper": "p", "source": "s", "framework": "f", "deliberate": true } ], "shared": ["variant"] } ],
          "shared": { "variant": { "aspect": "shared aspect", "paper": "p", "source": "s", "framework": "f", "deliberate": false } } }
        """;

    [Test]
    public void Parse_SharedDifference_IsAppendedToEveryComponentNamingIt()
    {
        var catalog = Parse(SharedDifference);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find(FidelityKinds.Pruner, "p1")!.Differences.Select(d => d.Aspect), Is.EqualTo(new[] { "shared aspect" }));
            Assert.That(catalog.Find(FidelityKinds.Pruner, "p2")!.Differences.Select(d => d.Aspect), Is.EqualTo(new[] { "own", "shared aspect" }));
        });
    }

    [Test]
    public void Parse_UnknownSharedKey_NamesComponentAndKey()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(SharedDifference.Replace("\"shared\": [\"variant\"] },", "\"shared\": [\"varient\"] },", StringComparison.Ordinal)));
        Assert.That(error!.Message, Does.Contain("p1").And.Contain("varient"));
    }
}
