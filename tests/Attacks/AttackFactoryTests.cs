using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;

namespace Robustness.Attacks.Tests;

public sealed class AttackFactoryTests
{
    private static ServiceProvider Provider() => new ServiceCollection().AddRobustnessAttacks().BuildServiceProvider();

    [Test]
    public void AddRobustnessAttacks_EveryId_HasDescriptorKeyedAttackAndFactoryEntry()
    {
        using var provider = Provider();
        var descriptors = provider.GetServices<PluginDescriptor>().Where(p => p.Kind == PluginKind.Attack).Select(p => p.Id);
        var factory = provider.GetRequiredService<AttackFactory>();
        Assert.Multiple(() =>
        {
            Assert.That(descriptors, Is.EquivalentTo(AttackIds.All));
            Assert.That(factory.Ids, Is.EquivalentTo(AttackIds.All));
            foreach (var id in AttackIds.All)
                Assert.That(provider.GetRequiredKeyedService<IAttack>(id).Id, Is.EqualTo(id));
        });
    }

    [Test]
    public void Create_EveryProfileAndDataset_BuildsEveryAttack()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<AttackFactory>();
        var catalog = ProfileCatalog.Default();
        foreach (var profile in ProfileNames.All)
            foreach (var dataset in DatasetIds.All)
                foreach (var id in AttackIds.All)
                {
                    var attack = factory.Create(id, catalog.Get(profile, dataset));
                    Assert.That(attack.Id, Is.EqualTo(id), $"{profile}/{dataset}/{id}");
                    Assert.That(factory.DefaultEpsilon(id, catalog.Get(profile, dataset)).HasValue, Is.EqualTo(AttackIds.Bounded.Contains(id)));
                }
    }

    /// <summary>
    /// The attacks bounded by ε run the fixed-budget gradient loop; the others minimise the perturbation with the
    /// search over c. Neither base has an update hook left to throw: each kind's hook is abstract.
    /// </summary>
    [Test]
    public void Create_EveryId_DerivesTheBaseOfItsKind()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<AttackFactory>();
        var hook = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        Assert.Multiple(() =>
        {
            foreach (var id in AttackIds.All)
            {
                var attack = (Attack)factory.Create(id);
                var bounded = AttackIds.Bounded.Contains(id);
                Assert.That(attack, bounded ? Is.InstanceOf<IterativeAttack>() : Is.InstanceOf<MinimizationAttack>(), id);
                Assert.That(attack.Bounded, Is.EqualTo(bounded), id);
            }
            Assert.That(typeof(IterativeAttack).GetMethod("Step", hook)!.IsAbstract, Is.True, "IterativeAttack.Step");
            Assert.That(typeof(MinimizationAttack).GetMethod("Begin", hook)!.IsAbstract, Is.True, "MinimizationAttack.Begin");
        });
    }

    [TestCase(DatasetIds.Cifar10, 0.05, 0.005, 0.05)]
    [TestCase(DatasetIds.FashionMnist, 0.1, 0.015, 0.15)]
    public void Options_PaperProfile_MatchesProtocolTable(string dataset, double epsilon, double step, double fgsmEpsilon)
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<AttackFactory>();
        var profile = ProfileCatalog.Default().Get(ProfileNames.Paper, dataset);
        var pgd = (PgdOptions)factory.Options(AttackIds.Pgd, profile);
        var cw = (CarliniWagnerL2Options)factory.Options(AttackIds.CarliniWagnerL2, profile);
        var ead = (ElasticNetAttackOptions)factory.Options(AttackIds.ElasticNet, profile);
        Assert.Multiple(() =>
        {
            Assert.That((pgd.Epsilon, pgd.StepSize, pgd.Steps, pgd.RandomStart), Is.EqualTo((epsilon, step, 10, true)));
            Assert.That(((MomentumIterativeFgsmOptions)factory.Options(AttackIds.MomentumIterativeFgsm, profile)).Decay, Is.EqualTo(1.0));
            Assert.That(factory.DefaultEpsilon(AttackIds.Fgsm, profile), Is.EqualTo(fgsmEpsilon));
            Assert.That((cw.Steps, cw.LearningRate, cw.BinarySearchSteps, cw.InitialConstant, cw.Confidence), Is.EqualTo((1000, 0.01, 9, 1e-3, 0.0)));
            Assert.That((ead.Beta, ead.Steps, ead.BinarySearchSteps, ead.InitialConstant, ead.DecisionRule), Is.EqualTo((0.01, 1000, 9, 1e-3, EadDecisionRule.ElasticNet)));
        });
    }

    [Test]
    public void Options_EpsilonOverrideAndIterationScale_ScaleStepAndSteps()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<AttackFactory>();
        var options = (PgdOptions)factory.Options(AttackIds.Pgd, null, epsilon: 0.1, iterationScale: 2);
        var cw = (CarliniWagnerL2Options)factory.Options(AttackIds.CarliniWagnerL2, null, epsilon: 0.1, iterationScale: 2);
        Assert.Multiple(() =>
        {
            Assert.That(options.Epsilon, Is.EqualTo(0.1));
            Assert.That(options.StepSize, Is.EqualTo(0.01).Within(1e-12));
            Assert.That(options.Steps, Is.EqualTo(20));
            Assert.That(cw.Steps, Is.EqualTo(2000));
        });
    }

    [Test]
    public void Create_InvalidSectionValue_ThrowsNamingTheSection()
    {
        using var provider = Provider();
        var factory = provider.GetRequiredService<AttackFactory>();
        var profile = ProfileCatalog.Default().Get(ProfileNames.Smoke, DatasetIds.Cifar10);
        var broken = profile with { Sections = new JsonObject { ["attacks"] = new JsonObject { ["pgd"] = new JsonObject { ["steps"] = "many" } } } };
        var e = Assert.Throws<InvalidDataException>(() => factory.Create(AttackIds.Pgd, broken));
        Assert.That(e!.Message, Does.Contain("attacks.pgd"));
    }

    [Test]
    public void Create_UnknownId_ThrowsListingRegisteredIds()
    {
        using var provider = Provider();
        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<AttackFactory>().Create("deepfool"));
        Assert.That(e!.Message, Does.Contain("deepfool").And.Contain(AttackIds.Pgd));
    }

    [Test]
    public void AddAttack_DuplicateId_ThrowsNamingBothTypes()
    {
        var services = new ServiceCollection().AddRobustnessAttacks();
        var e = Assert.Throws<InvalidOperationException>(() => services.AddAttack(AttackIds.Pgd, new FgsmOptions(), o => new Fgsm(o)));
        Assert.That(e!.Message, Does.Contain(nameof(Pgd)).And.Contain(nameof(Fgsm)));
    }
}
