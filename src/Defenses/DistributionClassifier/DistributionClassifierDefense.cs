using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// Distribution classifier on the vanilla backbone (same artefact): the second stage is trained on the softmax
/// distributions of the first <see cref="DistributionClassifierOptions.TrainImages"/> clean training images the
/// backbone classifies correctly (true labels), as Mahmood et al. did. The fitted defense predicts by
/// <see cref="DistributionClassifierOptions.Decision"/> and gives both rules' answers from the same samples.
/// </summary>
public sealed class DistributionClassifierDefense(DistributionClassifierOptions options) : IDefense
{
    public string Id => DefenseIds.DistributionClassifier;

    public DefenseTraits Traits { get; } = new(Randomized: true, CanReject: false, Differentiable: false, ForwardPassesPerQuery: options.Samples);

    /// <summary>The options in force (the profile's "defenses.distribution-classifier" section bound over the defaults).</summary>
    public DistributionClassifierOptions Options => options;

    public FittedDistributionClassifierDefense Fit(DefenseContext context)
    {
        if (context.Train.Count < 1) throw new InvalidDataException($"defenses.{Id}: the training set is empty.");
        var backbone = VanillaBackbone.Fit(context);
        try
        {
            using var selected = CorrectlyClassified.FirstIndices(backbone, context.Train.Images, context.Train.Labels, options.TrainImages);
            if (selected.numel() == 0) throw new InvalidDataException($"defenses.{Id}: the backbone classifies no training image correctly; the second stage has nothing to train on.");
            var indices = selected.data<long>().ToArray();
            using var fitGenerator = new Generator((ulong)context.Seed);
            using var images = context.Train.Images.index_select(0, selected.to(context.Train.Images.device));
            using var probabilities = FittedDistributionClassifierDefense.Sampler(backbone, options).Sample(images, fitGenerator);
            using var features = FittedDistributionClassifierDefense.Features(probabilities, options);
            using var labels = context.Train.Labels.cpu().index_select(0, selected);
            var classifier = HistogramClassifier.Train(FittedDistributionClassifierDefense.Rows(features), labels.data<long>().ToArray(),
                context.Dataset.NumClasses, unchecked((int)context.Seed), options.MaximumIterations);
            return new FittedDistributionClassifierDefense(Traits, options, backbone, classifier, indices, new Generator((ulong)context.Seed + 0xd15c));
        }
        catch
        {
            backbone.Module.Dispose();
            throw;
        }
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);
}
