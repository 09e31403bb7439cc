using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Defenses.Bart;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.FeatureDistillation;
using Robustness.Defenses.Tests.Conformance;

namespace Robustness.Defenses.Tests.InputTransformSupport;

public sealed class InputTransformDefenseRegistrationTests
{
    [TestCase(DefenseIds.Bart, typeof(BartDefense), true)]
    [TestCase(DefenseIds.FeatureDistillation, typeof(FeatureDistillationDefense), false)]
    [TestCase(DefenseIds.ComDefend, typeof(ComDefendDefense), true)]
    public void AddRobustnessDefenses_Id_ResolvesDefenseWithTraits(string id, Type type, bool randomized)
    {
        using var provider = new ServiceCollection().AddRobustnessDefenses().BuildServiceProvider();
        var defense = provider.GetRequiredKeyedService<DefenseFactory>(id).Create(ProfileCatalog.Default().Get(ProfileNames.Smoke, "cifar10"));
        Assert.That(defense, Is.InstanceOf(type));
        Assert.That(defense.Id, Is.EqualTo(id));
        Assert.That(defense.Traits, Is.EqualTo(new DefenseTraits(randomized, CanReject: false, Differentiable: false, ForwardPassesPerQuery: 1)));
        Assert.That(provider.GetServices<PluginDescriptor>().Single(d => d.Id == id).Description, Is.Not.Empty);
    }

    public static IEnumerable<TestCaseData> Profiles() =>
        from profile in ProfileNames.All
        from dataset in new[] { "cifar10", "fashion-mnist" }
        select new TestCaseData(profile, dataset);

    [TestCaseSource(nameof(Profiles))]
    public void Sections_EveryProfileAndDataset_BindAndValidate(string profileName, string dataset)
    {
        var profile = ProfileCatalog.Default().Get(profileName, dataset);
        var channels = dataset == "cifar10" ? 3 : 1;
        var bart = profile.Section($"defenses.{DefenseIds.Bart}", new BartOptions());
        Assert.That(() => bart.Validate(BartGroups.For(channels).Count), Throws.Nothing);
        Assert.That(() => RegisteredDefenses.Create(DefenseIds.Bart, profile), Throws.Nothing);
        Assert.That(() => RegisteredDefenses.Create(DefenseIds.ComDefend, profile), Throws.Nothing);
        Assert.That(() => RegisteredDefenses.Create(DefenseIds.FeatureDistillation, profile), Throws.Nothing);
        Assert.That(bart.TransformCountGrid, Is.All.InRange(1, BartGroups.For(channels).Count));
    }

    [Test]
    public void Validate_BartKAboveGroups_NamesTheField() =>
        Assert.That(() => new BartOptions { TransformCount = 9 }.Validate(8), Throws.ArgumentException.With.Message.Contains("defenses.bart.transformCount = 9"));

    [Test]
    public void Create_BartKAboveTheDatasetsGroups_ThrowsBeforeFit()
    {
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, "fashion-mnist");
        profile = profile with { Sections = System.Text.Json.Nodes.JsonNode.Parse("""{ "defenses": { "bart": { "transformCount": 9 } } }""")!.AsObject() };
        Assert.That(() => RegisteredDefenses.Create(DefenseIds.Bart, profile), Throws.ArgumentException.With.Message.Contains("defenses.bart.transformCount = 9"));
    }
}
