namespace Robustness.Defenses.FeatureDistillation;

/// <summary>
/// Feature distillation (Liu et al., CVPR 2019): JPEG-style 8×8 DCT quantisation whose table is DNN-oriented.
/// Our table (documented choice; the paper derives its steps semi-analytically for ImageNet): the
/// <see cref="ImportantBands"/> bands of largest coefficient deviation on the training data keep a fine step
/// <see cref="FineStep"/>; every other band is quantised with the coarse step <see cref="CoarseStep"/>, which
/// removes the small high-frequency energy adversarial perturbations live in. Steps are on the 0–255 scale,
/// applied to every YCbCr plane (Y only for greyscale).
/// </summary>
public sealed record FeatureDistillationOptions
{
    /// <summary>Bands (of 64) quantised finely: the ones with the largest deviation over the data.</summary>
    public int ImportantBands { get; init; } = 10;

    /// <summary>Step for the important bands (0 = lossless).</summary>
    public float FineStep { get; init; } = 10f;

    /// <summary>Step for every other band.</summary>
    public float CoarseStep { get; init; } = 50f;

    /// <summary>Training images (first n) the band deviations are measured on: a deterministic, cheap fit.</summary>
    public int StatisticsImages { get; init; } = 2000;

    public void Validate()
    {
        if (ImportantBands is < 0 or > 64) throw new ArgumentException($"defenses.feature-distillation.importantBands = {ImportantBands} must be in [0, 64].");
        if (!(FineStep >= 0) || !(CoarseStep >= 0)) throw new ArgumentException($"defenses.feature-distillation steps must be >= 0 (fineStep = {FineStep}, coarseStep = {CoarseStep}).");
        if (StatisticsImages < 1) throw new ArgumentException($"defenses.feature-distillation.statisticsImages = {StatisticsImages} must be >= 1.");
    }
}
