using System.Text.Json.Nodes;
using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Testing.Adversaries;

public static class TestProfiles
{
    /// <summary>A smoke profile for <paramref name="dataset"/> whose sections are <paramref name="sectionsJson"/>.</summary>
    public static DatasetProfile Smoke(string dataset, string sectionsJson = "{}") => new()
    {
        Name = ProfileNames.Smoke,
        Dataset = dataset,
        Backbone = "small-cnn",
        BackboneRecipe = new TrainingRecipe { Epochs = 1, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3 },
        Sections = (JsonObject)JsonNode.Parse(sectionsJson)!,
    };
}
