using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// The Odds are Odd on the vanilla backbone (same artefact): fit the per-class-pair standardisation of the
/// noise-induced logit change on clean training images, set the threshold for the target false-positive rate on a
/// second clean half, and answer Reject where max_z z-score(ḡ_{y,z}) exceeds it; otherwise the backbone's label.
/// </summary>
public sealed class OddsAreOddDefense(OddsAreOddOptions defaults) : IDefense
{
    private ModuleClassifier? backbone;
    private PairwiseStandardizer? standardizer;
    private Generator? generator;
    private OddsAreOddOptions? fitted;

    public string Id => DefenseIds.OddsAreOdd;

    public DefenseTraits Traits => new(Randomized: true, CanReject: true, Differentiable: false, ForwardPassesPerQuery: 1 + Options.NoiseSamples);

    /// <summary>The options in force: the profile's overrides once fitted, else the defaults.</summary>
    public OddsAreOddOptions Options => fitted ?? defaults;

    /// <summary>Detection threshold τ on the standardised score.</summary>
    public double Threshold { get; private set; } = double.NaN;

    public void Fit(DefenseContext context)
    {
        var options = context.Profile.Section($"defenses.{Id}", defaults);
        Validate(options);
        fitted = options;
        Release();
        backbone = VanillaBackbone.Fit(context);
        var count = Math.Min(options.CalibrationImages, context.Train.Count);
        if (count < 4) throw new InvalidDataException($"defenses.{Id}: needs at least 4 calibration images, the training set has {context.Train.Count}.");
        var half = count / 2;
        var calibration = new Generator((ulong)context.Seed);
        var (y1, g1) = Statistic().Compute(context.Train.Images.narrow(0, 0, half), calibration);
        standardizer = PairwiseStandardizer.Fit(y1, g1);
        var (y2, g2) = Statistic().Compute(context.Train.Images.narrow(0, half, count - half), calibration);
        using (var scores = standardizer.Score(y2, g2))
            Threshold = FalsePositiveThreshold.For(scores, options.FalsePositiveRate);
        foreach (var t in new[] { y1, g1, y2, g2 }) t.Dispose();
        generator = new Generator((ulong)context.Seed + 0x0dd5);
    }

    /// <summary>Predicted labels [N] and detection scores [N] (CPU); a score above <see cref="Threshold"/> is rejected.</summary>
    public (Tensor Predicted, Tensor Scores) Scores(Tensor images)
    {
        if (standardizer is null || generator is null) throw new InvalidOperationException($"{Id}: Fit must be called before Predict.");
        var (y, g) = Statistic().Compute(images, generator);
        using (g)
            return (y, standardizer.Score(y, g));
    }

    public Tensor Predict(Tensor images)
    {
        var (y, scores) = Scores(images);
        using (y)
        using (scores)
            return where(scores.gt(Threshold), full_like(y, Labels.Reject), y);
    }

    private NoiseInducedLogitChange Statistic()
    {
        var o = Options;
        return new NoiseInducedLogitChange(backbone!, o.NoiseStd, o.NoiseSamples, o.ChunkImages, o.ClipNoisyImages);
    }

    private void Validate(OddsAreOddOptions o)
    {
        if (o.NoiseStd <= 0) throw new InvalidDataException($"defenses.{Id}.noiseStd must be > 0, got {o.NoiseStd}.");
        if (o.NoiseSamples < 1) throw new InvalidDataException($"defenses.{Id}.noiseSamples must be >= 1, got {o.NoiseSamples}.");
        if (o.FalsePositiveRate is < 0 or > 1) throw new InvalidDataException($"defenses.{Id}.falsePositiveRate must be in [0,1], got {o.FalsePositiveRate}.");
        if (o.CalibrationImages < 4) throw new InvalidDataException($"defenses.{Id}.calibrationImages must be >= 4, got {o.CalibrationImages}.");
        if (o.ChunkImages < 1) throw new InvalidDataException($"defenses.{Id}.chunkImages must be >= 1, got {o.ChunkImages}.");
    }

    private void Release()
    {
        backbone?.Module.Dispose();
        standardizer?.Dispose();
        generator?.Dispose();
        backbone = null;
        standardizer = null;
        generator = null;
    }

    public void Dispose() => Release();
}
