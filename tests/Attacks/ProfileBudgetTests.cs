using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

/// <summary>
/// The smoke and quick budgets of C&amp;W and EAD (profiles.json, section "attacks") must stay effective: white-box
/// success ≥ 95 % on a trained model. (EAD from c = 1e-3 with few binary steps would barely move the image.)
/// </summary>
public sealed class ProfileBudgetTests
{
    [TestCase(ProfileNames.Smoke, AttackIds.CarliniWagnerL2)]
    [TestCase(ProfileNames.Smoke, AttackIds.ElasticNet)]
    [TestCase(ProfileNames.Quick, AttackIds.CarliniWagnerL2)]
    [TestCase(ProfileNames.Quick, AttackIds.ElasticNet)]
    public void Run_ProfileBudget_FoolsAtLeast95PercentOfATrainedModel(string profileName, string attackId)
    {
        using var scope = NewDisposeScope();
        using var provider = new ServiceCollection().AddRobustnessAttacks().BuildServiceProvider();
        var profile = ProfileCatalog.Default().Get(profileName, DatasetIds.Cifar10);
        var attack = provider.GetRequiredService<AttackFactory>().Create(attackId, profile);
        using var points = TrainedCnn.Test.Take(24);
        using var result = attack.Run(TrainedCnn.Model, points.Images, points.Labels, AttackGoal.Untargeted(0), new Generator(2));
        var rate = result.Success.to(ScalarType.Float32).mean().item<float>();
        TestContext.Out.WriteLine($"{profileName} {attackId}: success {rate:P1}, mean L2 {result.L2.mean().item<float>():F3}");
        Assert.That(rate, Is.GreaterThanOrEqualTo(0.95));
    }
}
