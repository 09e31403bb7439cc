using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// The fitted distribution classifier: random resize-pad copies through the vanilla backbone, their softmax
/// distributions classified by the trained second stage (or the copies' majority vote, by
/// <see cref="DistributionClassifierOptions.Decision"/>). Its generator advances with every query. Owns backbone and generator.
/// </summary>
public sealed class FittedDistributionClassifierDefense(
    DefenseTraits traits, DistributionClassifierOptions options, ModuleClassifier backbone, HistogramClassifier classifier,
    long[] secondStageTrainingIndices, Generator generator) : IFittedDefense
{
    public string Id => DefenseIds.DistributionClassifier;

    public DefenseTraits Traits => traits;

    /// <summary>The undefended backbone (shared with the vanilla defense through the artefact store).</summary>
    public IClassifier Backbone => backbone;

    /// <summary>Indices (into the training set) of the images the second stage was trained on.</summary>
    public IReadOnlyList<long> SecondStageTrainingIndices => secondStageTrainingIndices;

    public Tensor Predict(Tensor images)
    {
        var (distribution, vote) = PredictBoth(images);
        if (options.Decision == DistributionDecision.MajorityVote)
        {
            distribution.Dispose();
            return vote;
        }
        vote.Dispose();
        return distribution;
    }

    /// <summary>Labels [N] of the distribution classifier and of the plain majority vote over the same random copies.</summary>
    public (Tensor Distribution, Tensor MajorityVote) PredictBoth(Tensor images)
    {
        using var probabilities = Sampler(backbone, options).Sample(images, generator);
        using var features = Features(probabilities, options);
        var distribution = tensor(classifier.Predict(Rows(features)), int64);
        return (distribution, MajorityVote.Decide(probabilities));
    }

    internal static SoftmaxDistributionSampler Sampler(IClassifier backbone, DistributionClassifierOptions options) =>
        new(backbone, options.Samples, options.MinScale, options.ChunkImages);

    /// <summary>Second-stage features [N, K·bins], each class's block normalised to sum to 1.</summary>
    internal static Tensor Features(Tensor probabilities, DistributionClassifierOptions options)
    {
        using var counts = SoftmaxHistogram.Features(probabilities, options.Bins, options.KernelBandwidth);
        return counts / options.Samples;
    }

    internal static float[][] Rows(Tensor features)
    {
        var width = (int)features.shape[1];
        var flat = features.contiguous().data<float>().ToArray();
        return Enumerable.Range(0, (int)features.shape[0]).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    public void Dispose()
    {
        backbone.Module.Dispose();
        generator.Dispose();
    }
}
