using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;
using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// The Odds are Odd on the vanilla backbone (same artefact): fit the per-class-pair standardisation of the
/// noise-induced logit change on clean training images, set the threshold for the target false-positive rate on a
/// second clean half, and answer Reject where max_z z-score(ḡ_{y,z}) exceeds it; otherwise the backbone's label.
/// </summary>
public sealed class OddsAreOddDefense(OddsAreOddOptions options) : IDefense
{
    public string Id => DefenseIds.OddsAreOdd;

    public DefenseTraits Traits { get; } = new(Randomized: true, CanReject: true, Differentiable: false, ForwardPassesPerQuery: 1 + options.NoiseSamples);

    /// <summary>The options in force (the profile's "defenses.odds-are-odd" section bound over the defaults).</summary>
    public OddsAreOddOptions Options => options;

    public FittedOddsAreOddDefense Fit(DefenseContext context)
    {
        var count = Math.Min(options.CalibrationImages, context.Train.Count);
        if (count < 4) throw new InvalidDataException($"defenses.{Id}: needs at least 4 calibration images, the training set has {context.Train.Count}.");
        var backbone = VanillaBackbone.Fit(context);
        PairwiseStandardizer? standardizer = null;
        try
        {
            var statistic = Statistic(backbone);
            var half = count / 2;
            using var calibration = new Generator((ulong)context.Seed);
            var (y1, g1) = statistic.Compute(context.Train.Images.narrow(0, 0, half), calibration);
            standardizer = PairwiseStandardizer.Fit(y1, g1);
            var (y2, g2) = statistic.Compute(context.Train.Images.narrow(0, half, count - half), calibration);
            double threshold;
            using (var scores = standardizer.Score(y2, g2))
                threshold = FalsePositiveThreshold.For(scores, options.FalsePositiveRate);
            foreach (var t in new[] { y1, g1, y2, g2 }) t.Dispose();
            return new FittedOddsAreOddDefense(Traits, backbone, statistic, standardizer, threshold, new Generator((ulong)context.Seed + 0x0dd5));
        }
        catch
        {
            standardizer?.Dispose();
            backbone.Module.Dispose();
            throw;
        }
    }

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);

    private NoiseInducedLogitChange Statistic(ModuleClassifier backbone) =>
        new(backbone, options.NoiseStd, options.NoiseSamples, options.ChunkImages, options.ClipNoisyImages);
}
