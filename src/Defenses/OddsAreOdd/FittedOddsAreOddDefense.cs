using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// The fitted detector: the vanilla backbone's label, or Reject where the standardised noise-induced logit change
/// exceeds <see cref="Threshold"/>. Its generator draws the query noise and advances with every query.
/// Owns backbone, standardisation and generator.
/// </summary>
public sealed class FittedOddsAreOddDefense(
    DefenseTraits traits, ModuleClassifier backbone, NoiseInducedLogitChange statistic, PairwiseStandardizer standardizer, double threshold, Generator generator)
    : IFittedDefense
{
    public string Id => DefenseIds.OddsAreOdd;

    public DefenseTraits Traits => traits;

    /// <summary>Detection threshold τ on the standardised score.</summary>
    public double Threshold => threshold;

    /// <summary>Predicted labels [N] and detection scores [N] (CPU); a score above <see cref="Threshold"/> is rejected.</summary>
    public (Tensor Predicted, Tensor Scores) Scores(Tensor images)
    {
        var (y, g) = statistic.Compute(images, generator);
        using (g)
            return (y, standardizer.Score(y, g));
    }

    public Tensor Predict(Tensor images)
    {
        var (y, scores) = Scores(images);
        using (y)
        using (scores)
            return where(scores.gt(threshold), full_like(y, Labels.Reject), y);
    }

    public void Dispose()
    {
        backbone.Module.Dispose();
        standardizer.Dispose();
        generator.Dispose();
    }
}
