using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// Distribution classifier on the vanilla backbone (same artefact): the second stage is trained on the softmax
/// distributions of the first <see cref="DistributionClassifierOptions.TrainImages"/> clean training images the
/// backbone classifies correctly (true labels), as Mahmood et al. did. <see cref="Predict"/> follows <see cref="DistributionClassifierOptions.Decision"/>;
/// <see cref="PredictBoth"/> gives the distribution classifier's and the majority vote's answers from the same samples.
/// </summary>
public sealed class DistributionClassifierDefense(DistributionClassifierOptions defaults) : IDefense
{
    private ModuleClassifier? backbone;
    private HistogramClassifier? classifier;
    private Generator? generator;
    private DistributionClassifierOptions? fitted;

    public string Id => DefenseIds.DistributionClassifier;

    public DefenseTraits Traits => new(Randomized: true, CanReject: false, Differentiable: false, ForwardPassesPerQuery: Options.Samples);

    /// <summary>The undefended backbone after <see cref="Fit"/> (shared with the vanilla defense), else null.</summary>
    public IClassifier? Backbone => backbone;

    /// <summary>Indices (into the training set) of the images the second stage was trained on; empty before <see cref="Fit"/>.</summary>
    public long[] SecondStageTrainingIndices { get; private set; } = [];

    /// <summary>The options in force: the profile's overrides once fitted, else the defaults.</summary>
    public DistributionClassifierOptions Options => fitted ?? defaults;

    public void Fit(DefenseContext context)
    {
        var options = context.Profile.Section($"defenses.{Id}", defaults);
        Validate(options);
        fitted = options;
        Release();
        backbone = VanillaBackbone.Fit(context);
        if (context.Train.Count < 1) throw new InvalidDataException($"defenses.{Id}: the training set is empty.");
        using var selected = CorrectlyClassified.FirstIndices(backbone, context.Train.Images, context.Train.Labels, options.TrainImages);
        if (selected.numel() == 0) throw new InvalidDataException($"defenses.{Id}: the backbone classifies no training image correctly; the second stage has nothing to train on.");
        SecondStageTrainingIndices = selected.data<long>().ToArray();
        using var fitGenerator = new Generator((ulong)context.Seed);
        using var images = context.Train.Images.index_select(0, selected.to(context.Train.Images.device));
        using var features = Features(images, fitGenerator);
        using var labels = context.Train.Labels.cpu().index_select(0, selected);
        classifier = HistogramClassifier.Train(Rows(features), labels.data<long>().ToArray(), context.Dataset.NumClasses,
            unchecked((int)context.Seed), options.MaximumIterations);
        generator = new Generator((ulong)context.Seed + 0xd15c);
    }

    public Tensor Predict(Tensor images)
    {
        var (distribution, vote) = PredictBoth(images);
        if (Options.Decision == DistributionDecision.MajorityVote)
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
        if (classifier is null || generator is null) throw new InvalidOperationException($"{Id}: Fit must be called before Predict.");
        using var probabilities = Sampler().Sample(images, generator);
        using var features = SoftmaxHistogram.Features(probabilities, Options.Bins, Options.KernelBandwidth) / Options.Samples;
        var distribution = tensor(classifier.Predict(Rows(features)), int64);
        return (distribution, MajorityVote.Decide(probabilities));
    }

    /// <summary>Second-stage features [N, K·bins], each class's block normalised to sum to 1.</summary>
    private Tensor Features(Tensor images, Generator random)
    {
        using var probabilities = Sampler().Sample(images, random);
        using var counts = SoftmaxHistogram.Features(probabilities, Options.Bins, Options.KernelBandwidth);
        return counts / Options.Samples;
    }

    private SoftmaxDistributionSampler Sampler() => new(backbone!, Options.Samples, Options.MinScale, Options.ChunkImages);

    private static float[][] Rows(Tensor features)
    {
        var width = (int)features.shape[1];
        var flat = features.contiguous().data<float>().ToArray();
        return Enumerable.Range(0, (int)features.shape[0]).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
    }

    private void Validate(DistributionClassifierOptions o)
    {
        if (o.Samples < 1) throw new InvalidDataException($"defenses.{Id}.samples must be >= 1, got {o.Samples}.");
        if (o.Bins < 1) throw new InvalidDataException($"defenses.{Id}.bins must be >= 1, got {o.Bins}.");
        if (o.KernelBandwidth < 0) throw new InvalidDataException($"defenses.{Id}.kernelBandwidth must be >= 0, got {o.KernelBandwidth}.");
        if (o.MinScale is <= 0 or > 1) throw new InvalidDataException($"defenses.{Id}.minScale must be in (0,1], got {o.MinScale}.");
        if (o.TrainImages < 1) throw new InvalidDataException($"defenses.{Id}.trainImages must be >= 1, got {o.TrainImages}.");
        if (o.MaximumIterations < 1) throw new InvalidDataException($"defenses.{Id}.maximumIterations must be >= 1, got {o.MaximumIterations}.");
        if (o.ChunkImages < 1) throw new InvalidDataException($"defenses.{Id}.chunkImages must be >= 1, got {o.ChunkImages}.");
    }

    private void Release()
    {
        backbone?.Module.Dispose();
        generator?.Dispose();
        backbone = null;
        generator = null;
        classifier = null;
        SecondStageTrainingIndices = [];
    }

    public void Dispose() => Release();
}
