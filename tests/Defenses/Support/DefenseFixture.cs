using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Testing;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>A smoke-sized defense context over synthetic data, with the tiny zoo and trainer.</summary>
internal static class DefenseFixture
{
    public static readonly TrainingRecipe Recipe = new() { Epochs = 2, BatchSize = 32, Optimizer = OptimizerKind.Adam, LearningRate = 0.003 };

    public static DefenseContext Context(LabeledImages train, long seed = 0, JsonObject? sections = null, DatasetInfo? dataset = null, TinyNetworkTrainer? trainer = null)
    {
        var info = dataset ?? DatasetInfo.Cifar10;
        var profile = new DatasetProfile
        {
            Name = ProfileNames.Smoke, Dataset = info.Id, Backbone = ResizingZoo.Id, BackboneRecipe = Recipe,
            Sections = sections ?? new JsonObject(),
        };
        return new DefenseContext(info, train, profile, trainer ?? new TinyNetworkTrainer(), new ResizingZoo(), CPU, seed);
    }

    /// <summary>
    /// Synthetic CIFAR-shaped train and held-out test sets sharing class templates. <paramref name="smooth"/> draws
    /// the templates at 8×8 and upsamples them, so they survive small rescales and shifts as natural images do.
    /// </summary>
    public static (LabeledImages Train, LabeledImages Test) Data(int train = 600, int test = 300, long seed = 3, DatasetInfo? dataset = null, bool smooth = false)
    {
        var info = dataset ?? DatasetInfo.Cifar10;
        var all = SyntheticData.Create(info, train + test, seed, size: smooth ? 8 : null);
        if (smooth)
        {
            using var small = all;
            all = new LabeledImages(
                nn.functional.interpolate(small.Images, [info.Height, info.Width], mode: InterpolationMode.Bilinear, align_corners: false),
                small.Labels.clone());
        }
        using (all)
            return (new LabeledImages(all.Images.narrow(0, 0, train).clone(), all.Labels.narrow(0, 0, train).clone()),
                new LabeledImages(all.Images.narrow(0, train, test).clone(), all.Labels.narrow(0, train, test).clone()));
    }

    public static double Accuracy(Tensor predictions, Tensor labels) =>
        predictions.eq(labels).to_type(float32).mean().item<float>();

    public static double RejectRate(Tensor predictions) =>
        predictions.eq(Labels.Reject).to_type(float32).mean().item<float>();
}
