using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Estimates;
using Robustness.Evaluation.Grid;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Estimates;

/// <summary>The built-in model: it counts FLOPs on freshly built zoo models without moving torch's global generator, and prices work by its size.</summary>
public sealed class BuiltInCostModelTests
{
    private static readonly GridCell Pgd = new(CellKinds.Transfer, ProfileNames.Smoke, "fashion-mnist", "dense", "vanilla", 0, 100,
        "oracle-jacobian", 1, "pgd", "untargeted");

    [Test]
    public void CellSeconds_BuildsModelsToCountFlops_LeavesTheGlobalGeneratorWhereItWas()
    {
        using var services = new ServiceCollection().AddSingleton<IModelZoo>(new ModelZoo()).BuildServiceProvider();
        var model = new BuiltInCostModel(services, ProfileCatalog.Default());
        manual_seed(11);
        using var expected = rand(8);
        manual_seed(11);
        var seconds = model.CellSeconds(Pgd, computesExamples: true);
        using var actual = rand(8);
        Assert.Multiple(() =>
        {
            Assert.That(seconds, Is.GreaterThan(0));
            Assert.That(actual.eq(expected).all().item<bool>(), Is.True, "an estimate before a run must not change the run's numbers");
        });
    }

    [Test]
    public void CellSeconds_TwiceTheIterationsOrSharedExamples_ScalesOnlyTheAttack()
    {
        using var services = new ServiceCollection().AddSingleton<IModelZoo>(new ModelZoo()).BuildServiceProvider();
        var model = new BuiltInCostModel(services, ProfileCatalog.Default());
        var once = model.CellSeconds(Pgd, computesExamples: true);
        var twice = model.CellSeconds(Pgd with { IterationScale = 2 }, computesExamples: true);
        var reused = model.CellSeconds(Pgd, computesExamples: false);
        Assert.Multiple(() =>
        {
            Assert.That(reused, Is.LessThan(once), "no attack when the examples exist");
            Assert.That(twice - reused, Is.EqualTo(2 * (once - reused)).Within(1e-9), "the attack part doubles with the iterations");
        });
    }
}
