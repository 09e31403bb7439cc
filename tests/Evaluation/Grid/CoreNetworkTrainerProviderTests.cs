using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Evaluation.Grid;
using Robustness.Pruning;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Grid;

public sealed class CoreNetworkTrainerProviderTests
{
    [Test]
    public void For_PruningVariant_TakesTheProfilesPruningSection()
    {
        using var services = new ServiceCollection().AddRobustnessPruning().BuildServiceProvider();
        var environment = new EvaluationEnvironment(ProfileCatalog.Default(), null, Path.GetTempPath(), CPU);
        var profile = new DatasetProfile
        {
            Name = "custom", Dataset = "fashion-mnist", Backbone = "small-cnn", BackboneRecipe = new TrainingRecipe(),
            Sections = new JsonObject { ["pruning"] = new JsonObject { ["epochs"] = 3, ["retrainEpochs"] = 5, ["slr"] = new JsonObject { ["rho"] = 0.05 } } },
        };

        var trainer = (NetworkTrainer)((LedgerNetworkTrainer)new CoreNetworkTrainerProvider(services).For("slr-0.8-irregular", profile, environment)).Inner;

        var variant = (PruningVariant)trainer.Variant;
        Assert.That((variant.Options.Epochs, variant.Options.RetrainEpochs, variant.Options.Slr.Rho), Is.EqualTo((3, 5, 0.05)));
        Assert.That(variant.Settings["epochs"]!.GetValue<int>(), Is.EqualTo(3), "the options are part of the artefact key");
    }
}
