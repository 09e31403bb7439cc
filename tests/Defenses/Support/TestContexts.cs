using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Testing;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>Defense contexts over synthetic data, the tiny zoo and the local trainer.</summary>
public static class TestContexts
{
    public static readonly TrainingRecipe FastRecipe = new()
    {
        Epochs = 2, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 2e-3, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
    };

    /// <summary>CIFAR-10's channels and classes at 16×16: four times cheaper for fits in tests.</summary>
    public static readonly DatasetInfo SmallCifar = DatasetInfo.Cifar10 with { Height = 16, Width = 16 };

    public static DatasetProfile Profile(DatasetInfo dataset, JsonObject? sections = null, TrainingRecipe? recipe = null) => new()
    {
        Name = "test", Dataset = dataset.Id, Backbone = TinyZoo.TinyCnn, BackboneRecipe = recipe ?? FastRecipe,
        Sections = sections ?? new JsonObject(),
    };

    public static DefenseContext Create(LabeledImages train, DatasetInfo? dataset = null, JsonObject? sections = null, long seed = 7,
        INetworkTrainer? trainer = null, TrainingRecipe? recipe = null)
    {
        var info = dataset ?? DatasetInfo.Cifar10;
        return new DefenseContext(info, train, Profile(info, sections, recipe), trainer ?? new LocalNetworkTrainer(), new TinyZoo(), CPU, seed);
    }

    /// <summary>Fraction of <paramref name="predictions"/> equal to <paramref name="labels"/>.</summary>
    public static double Accuracy(Tensor predictions, Tensor labels) => predictions.eq(labels).to_type(float32).mean().item<float>();
}
