using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Samples.ExternalDefense;

/// <summary>
/// Sample plug-in defense: a mean filter in front of a small CNN the plug-in defines itself (input smoothing, a
/// classic pre-processing defense). Shows everything a plug-in needs: an id, traits known from the options, a Fit
/// that trains its network through <see cref="DefenseContext.TrainOrLoad{T}"/> (seeded, cached in the artefact
/// store, resumable) and returns the fitted defense.
/// </summary>
public sealed class BlurDefense(BlurDefenseOptions options) : IDefense
{
    public const string DefenseId = "sample-blur";

    public string Id => DefenseId;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    public IFittedDefense Fit(DefenseContext context)
    {
        var recipe = new TrainingRecipe
        {
            Epochs = options.Epochs, BatchSize = options.BatchSize, Optimizer = OptimizerKind.Adam, LearningRate = options.LearningRate,
            WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
        };
        var request = new NetworkRequest(DefenseId, "classifier", "blur-small-cnn", recipe, context.Seed,
            new Dictionary<string, string> { ["kernelSize"] = options.KernelSize.ToString(CultureInfo.InvariantCulture) });
        var (network, _) = context.TrainOrLoad(request, () => Network(context));
        return new FittedBlurDefense(Traits, new ModuleClassifier(network, context.Dataset.NumClasses, context.Device));
    }

    /// <summary>The blur is the network's first layer, so training and queries see the same smoothed images.</summary>
    private nn.Module<Tensor, Tensor> Network(DefenseContext context)
    {
        var d = context.Dataset;
        return nn.Sequential(
            nn.AvgPool2d(options.KernelSize, stride: 1, padding: options.KernelSize / 2, count_include_pad: false),
            nn.Conv2d(d.Channels, 16, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * (d.Height / 4) * (d.Width / 4), d.NumClasses));
    }
}
