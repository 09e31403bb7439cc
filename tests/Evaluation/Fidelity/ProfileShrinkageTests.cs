using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Fidelity;

public sealed class ProfileShrinkageTests
{
    private const string Profiles = """
        {
          "paper": { "sections": {}, "datasets": {
            "cifar10": { "backbone": "resnet56-v2", "backboneRecipe": { "epochs": 200 }, "sections": { "defenses": { "bart": { "transformCount": 10 } } } },
            "fashion-mnist": { "backbone": "vgg16-bn", "backboneRecipe": { "epochs": 50 }, "sections": { "defenses": { "bart": { "transformCount": 8 } } } } } },
          "quick": { "sections": { "attacks": { "cw": { "steps": 100, "learningRate": 0.01, "binarySearchSteps": 9.0 } }, "defenses": { "bart": { "transformCount": 4 } } },
            "datasets": {
              "cifar10": { "backbone": "vgg-slim-bn", "backboneRecipe": { "epochs": 4 } },
              "fashion-mnist": { "backbone": "vgg-slim-bn", "backboneRecipe": { "epochs": 50 } } } }
        }
        """;

    private static ProfileCatalog Load(TempDirectory directory)
    {
        var path = Path.Combine(directory.Path, "profiles.json");
        File.WriteAllText(path, Profiles);
        return ProfileCatalog.Load(path);
    }

    [Test]
    public void Compare_SettingThePaperProfileLeavesOut_IsReadAgainstTheOptionDefault()
    {
        using var directory = new TempDirectory();
        var differences = ProfileShrinkage.Compare(Load(directory), ProfileNames.Quick, ["cifar10"], "attacks.cw");
        // steps differs from CarliniWagnerL2Options' 1000; learningRate 0.01 and binarySearchSteps 9.0 equal the defaults.
        Assert.That(differences, Is.EqualTo(new[] { new SettingDifference("attacks.cw.steps", "cifar10", "100", "1000") }));
    }

    [Test]
    public void Compare_SettingBothProfilesSetPerDataset_IsComparedPerDataset()
    {
        using var directory = new TempDirectory();
        var differences = ProfileShrinkage.Compare(Load(directory), ProfileNames.Quick, ["cifar10", "fashion-mnist"], "defenses.bart");
        Assert.That(differences, Is.EqualTo(new[]
        {
            new SettingDifference("defenses.bart.transformCount", "cifar10", "4", "10"),
            new SettingDifference("defenses.bart.transformCount", "fashion-mnist", "4", "8"),
        }));
    }

    [Test]
    public void Compare_Backbone_ComparesIdRecipeAndLimits()
    {
        using var directory = new TempDirectory();
        var profiles = Load(directory);
        var cifar = ProfileShrinkage.Compare(profiles, ProfileNames.Quick, ["cifar10"], ProfileShrinkage.BackboneSection);
        var fashion = ProfileShrinkage.Compare(profiles, ProfileNames.Quick, ["fashion-mnist"], ProfileShrinkage.BackboneSection);
        Assert.Multiple(() =>
        {
            Assert.That(cifar, Is.EqualTo(new[]
            {
                new SettingDifference("backbone.backbone", "cifar10", "vgg-slim-bn", "resnet56-v2"),
                new SettingDifference("backbone.backboneRecipe.epochs", "cifar10", "4", "200"),
            }));
            Assert.That(fashion.Select(d => d.Setting), Is.EqualTo(new[] { "backbone.backbone" }), "same epochs: not a difference");
        });
    }

    [Test]
    public void Compare_PaperProfile_HasNoDifferences()
    {
        using var directory = new TempDirectory();
        Assert.That(ProfileShrinkage.Compare(Load(directory), ProfileNames.Paper, ["cifar10", "fashion-mnist"], "defenses.bart"), Is.Empty);
    }

    [Test]
    public void Shrinkage_SameDifferenceOnEveryDataset_IsOneLine_OtherwiseOnePerDataset()
    {
        using var directory = new TempDirectory();
        var profiles = Load(directory);
        var cw = RunDeviations.Shrinkage(profiles, ProfileNames.Quick, ["cifar10", "fashion-mnist"], "attacks.cw", []).ToList();
        var bart = RunDeviations.Shrinkage(profiles, ProfileNames.Quick, ["cifar10", "fashion-mnist"], "defenses.bart", []).Select(s => s.Setting).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cw, Is.EqualTo(new[] { ("attacks.cw.steps", "100", "1000") }));
            Assert.That(bart, Is.EqualTo(new[] { "defenses.bart.transformCount (cifar10)", "defenses.bart.transformCount (fashion-mnist)" }));
        });
    }

    [Test]
    public void Shrinkage_NoEffectSetting_IsLeftOut()
    {
        using var directory = new TempDirectory();
        var rows = RunDeviations.Shrinkage(Load(directory), ProfileNames.Quick, ["cifar10"], "attacks.cw", ["attacks.cw.steps"]);
        Assert.That(rows, Is.Empty);
    }
}
