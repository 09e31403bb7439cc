using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Defenses;
using Robustness.Evaluation.Grid;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Grid;

/// <summary>
/// A config is checked whole when it loads: a field the records lack, an id nothing registered, a profile the profiles
/// file lacks, a negative seed or more attacked points than the test set holds is one error naming it.
/// </summary>
public sealed class GridConfigLoadTests
{
    private ServiceProvider Services = null!;

    [OneTimeSetUp]
    public void RegisterPlugins() => Services = new ServiceCollection().AddRobustnessDefenses().AddRobustnessEvaluation().BuildServiceProvider();

    [OneTimeTearDown]
    public void DisposeServices() => Services.Dispose();

    private static JsonObject Valid() => new()
    {
        ["name"] = "t", ["profile"] = "smoke", ["datasets"] = new JsonArray("fashion-mnist"), ["variants"] = new JsonArray("dense"),
        ["baseline"] = "vanilla", ["defenses"] = new JsonArray("feature-distillation"), ["adversaries"] = new JsonArray("pure-blackbox"),
        ["q"] = new JsonArray(1.0), ["attacks"] = new JsonArray("fgsm", "pgd"), ["seeds"] = new JsonArray(0), ["attackedPoints"] = 100,
        ["checklist"] = new JsonObject { ["whiteBox"] = false, ["noiseEpsilon"] = new JsonObject { ["fashion-mnist"] = 0.1 } },
    };

    [Test]
    public void Load_ValidConfig_Loads()
    {
        using var temp = new TempDirectory();
        var config = GridConfigFile.Load(Write(temp, Valid()), null, Services, null);
        Assert.That(config.AttackedPoints, Is.EqualTo(100));
    }

    [TestCase("attackedPoint", "attackedPoints")]
    [TestCase("defences", "defenses")]
    [TestCase("Seed", "seeds")]
    public void Load_MisspeltTopLevelField_ErrorNamesItAndTheClosestField(string field, string closest)
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json[field] = 5;
        var path = Write(temp, json);
        Assert.That(() => GridConfigFile.Load(path), Throws.TypeOf<GridConfigException>()
            .With.Message.Contain($"'{field}'").And.Message.Contain($"did you mean '{closest}'").And.Message.Contain(path));
    }

    [Test]
    public void Load_MisspeltNestedField_ErrorNamesItsPath()
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json["checklist"]!["whiteBoxes"] = true;
        Assert.That(() => GridConfigFile.Load(Write(temp, json)), Throws.TypeOf<GridConfigException>()
            .With.Message.Contain("'checklist.whiteBoxes'").And.Message.Contain("did you mean 'whiteBox'"));
    }

    [Test]
    public void Load_DictionaryKeysAndFieldsInAnyCase_AreNotUnknownFields()
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json["AttackedPoints"] = json["attackedPoints"]!.DeepClone();
        json.Remove("attackedPoints");
        json["checklist"]!["noiseEpsilon"]!["cifar10"] = 0.05;
        Assert.That(GridConfigFile.Load(Write(temp, json)).AttackedPoints, Is.EqualTo(100));
    }

    [TestCase("defenses", "feature-distilation", "did you mean 'feature-distillation'")]
    [TestCase("baseline", "vanila", "did you mean 'vanilla'")]
    [TestCase("attacks", "pgdd", "did you mean 'pgd'")]
    [TestCase("adversaries", "pure-black-box", "did you mean 'pure-blackbox'")]
    [TestCase("profile", "quik", "did you mean 'quick'")]
    public void Load_UnknownId_ErrorNamesTheIdAndTheClosestKnownOne(string field, string id, string hint)
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json[field] = field is "baseline" or "profile" ? id : new JsonArray(id);
        var path = Write(temp, json);
        Assert.That(() => GridConfigFile.Load(path, null, Services, null), Throws.TypeOf<GridConfigException>()
            .With.Message.Contain($"'{id}'").And.Message.Contain(hint).And.Message.Contain(path));
    }

    [Test]
    public void Load_NegativeSeed_Rejected()
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json["seeds"] = new JsonArray(0, -1);
        Assert.That(() => GridConfigFile.Load(Write(temp, json)), Throws.TypeOf<GridConfigException>()
            .With.Message.Contain("'seeds'").And.Message.Contain("-1"));
    }

    [TestCase(500, true)]
    [TestCase(501, false)]
    [TestCase(1_000_000_000, false)]
    public void Load_AttackedPoints_AtMostTheProfilesTestImages(int points, bool accepted)
    {
        using var temp = new TempDirectory();
        var json = Valid();
        json["attackedPoints"] = points;
        var path = Write(temp, json);
        // The smoke profile tests on the first 500 images of each dataset.
        if (accepted) Assert.That(GridConfigFile.Load(path, null, Services, null).AttackedPoints, Is.EqualTo(points));
        else
            Assert.That(() => GridConfigFile.Load(path, null, Services, null), Throws.TypeOf<GridConfigException>()
                .With.Message.Contain("'attackedPoints'").And.Message.Contain(points.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Message.Contain("500"));
    }

    [TestCase("smoke.json")]
    [TestCase("quick.json")]
    [TestCase("quick-full.json")]
    [TestCase("paper.json")]
    [TestCase("clean.json")]
    [TestCase("transfer.json")]
    public void Load_ShippedConfig_PassesEveryCheck(string file)
    {
        var path = GridConfigFile.Resolve(file);
        Assert.That(() => GridConfigFile.Load(path, null, Services, null), Throws.Nothing);
    }

    private static string Write(TempDirectory temp, JsonObject json)
    {
        var path = Path.Combine(temp.Path, "grid.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
