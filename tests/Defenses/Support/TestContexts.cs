using System.Text.Json.Nodes;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>Defense contexts over synthetic data, the real zoo's small CNN and the real (recording) network trainer.</summary>
public static class TestContexts
{
    /// <summary>CIFAR-10's channels and classes at 16×16: four times cheaper for fits in tests.</summary>
    public static readonly DatasetInfo SmallCifar = DatasetInfo.Cifar10 with { Height = 16, Width = 16 };

    public static readonly TrainingRecipe FastRecipe = new()
    {
        Epochs = 2, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 2e-3, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
    };

    public static DatasetProfile Profile(DatasetInfo dataset, JsonObject? sections = null, TrainingRecipe? recipe = null) => new()
    {
        Name = "test", Dataset = dataset.Id, Backbone = ModelIds.SmallCnn, BackboneRecipe = recipe ?? FastRecipe,
        Sections = sections ?? new JsonObject(),
    };

    public static DefenseContext Create(LabeledImages train, INetworkTrainer trainer, DatasetInfo? dataset = null, JsonObject? sections = null,
        long seed = 7, TrainingRecipe? recipe = null)
    {
        var info = dataset ?? SmallCifar;
        return new DefenseContext(info, train, Profile(info, sections, recipe), trainer, new ModelZoo(), CPU, seed);
    }

    /// <summary>Fraction of <paramref name="predictions"/> equal to <paramref name="labels"/>.</summary>
    public static double Accuracy(Tensor predictions, Tensor labels) => predictions.eq(labels).to_type(float32).mean().item<float>();
}
