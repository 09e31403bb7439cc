using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;
using Robustness.Defenses;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Protocol;
using Robustness.Pruning;

namespace Robustness.Evaluation.Tests.Fidelity;

/// <summary>The catalog covers everything the framework registers and every setting the profiles change.</summary>
public sealed class FidelityCoverageTests
{
    /// <summary>The plug-ins the CLI registers (as Program.cs does).</summary>
    private static List<PluginDescriptor> Registered()
    {
        var services = new ServiceCollection();
        services.AddRobustnessDefenses();
        services.AddRobustnessAttacks();
        services.AddRobustnessProtocol();
        services.AddRobustnessEvaluation();
        services.AddRobustnessPruning();
        return services.Select(d => d.ImplementationInstance).OfType<PluginDescriptor>().ToList();
    }

    [Test]
    public void EveryRegisteredAttackAdversaryDefenseAndPruner_HasAFidelityRow()
    {
        var registered = Registered();
        Assert.That(registered.Select(p => p.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<PluginKind>()), "the registration above covers every kind");
        var missing = FidelityCoverage.Missing(FidelityCatalog.Default(), registered);
        Assert.That(missing.Select(p => $"{p.Kind} {p.Id}"), Is.Empty,
            "add a row to src/Evaluation/Fidelity/fidelity.json for each (or, for a plug-in, services.AddFidelity)");
    }

    [Test]
    public void Missing_PluginWithoutARow_IsNamed()
    {
        var plugin = new PluginDescriptor(PluginKind.Attack, "new-attack", typeof(object));
        var missing = FidelityCoverage.Missing(FidelityCatalog.Default(), [.. Registered(), plugin]);
        Assert.That(missing, Is.EqualTo(new[] { plugin }));
    }

    [Test]
    public void Catalog_EveryDatasetHasABackboneRow_AndTheProtocolARow()
    {
        var catalog = FidelityCatalog.Default();
        Assert.Multiple(() =>
        {
            foreach (var dataset in DatasetIds.All)
                Assert.That(catalog.Find(FidelityKinds.Backbone, dataset), Is.Not.Null, dataset);
            Assert.That(catalog.Find(FidelityKinds.Protocol, RunComponents.ProtocolId), Is.Not.Null);
        });
    }

    [Test]
    public void Catalog_EverySectionItNames_HasOptionDefaults()
    {
        var sections = FidelityCatalog.Default().Components.SelectMany(c => c.Sections).Distinct()
            .Where(s => s != ProfileShrinkage.BackboneSection);
        Assert.That(sections.Where(s => OptionDefaults.For(s) is null), Is.Empty,
            "the paper profile's value of a setting it leaves out is the option record's default: register it in OptionDefaults");
    }

    [Test]
    public void Catalog_EverySettingAProfileSets_BelongsToAComponentSection()
    {
        var claimed = FidelityCatalog.Default().Components.SelectMany(c => c.Sections).ToHashSet();
        var profiles = ProfileCatalog.Default();
        var unclaimed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var profile in profiles.Profiles)
            foreach (var dataset in DatasetIds.All)
                foreach (var setting in Leaves(profiles.Get(profile, dataset).Sections, ""))
                    if (!claimed.Any(section => setting.StartsWith(section + ".", StringComparison.Ordinal)))
                        unclaimed.Add(setting);
        Assert.That(unclaimed, Is.Empty, "a profile setting no component's 'sections' covers would never reach a report");
    }

    [Test]
    public void NoEffectSettings_NameSettingsOfTheComponentsOwnSections()
    {
        var wrong = FidelityCatalog.Default().Components
            .SelectMany(c => c.NoEffectSettings.Where(s => !c.Sections.Any(section => s.StartsWith(section + ".", StringComparison.Ordinal))).Select(s => $"{c.Id}: {s}"));
        Assert.That(wrong, Is.Empty);
    }

    private static IEnumerable<string> Leaves(JsonObject obj, string prefix)
    {
        foreach (var (key, value) in obj)
        {
            var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject child)
                foreach (var leaf in Leaves(child, name)) yield return leaf;
            else yield return name;
        }
    }
}
