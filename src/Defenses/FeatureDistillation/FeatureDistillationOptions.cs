using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.FeatureDistillation;

/// <summary>Which quantisation table feature distillation builds.</summary>
public enum QuantisationTableKind
{
    /// <summary>
    /// The table of the authors' released code as Mahmood et al. configured it: every band gets
    /// <see cref="FeatureDistillationOptions.HighFrequencyStep"/> (S1) except the top-left 4×4 low-frequency
    /// block, which gets <see cref="FeatureDistillationOptions.LowFrequencyStep"/> (S2).
    /// </summary>
    Reference,

    /// <summary>
    /// Our data-driven variant of the paper's DNN-oriented table: the <see cref="FeatureDistillationOptions.ImportantBands"/>
    /// bands of largest coefficient deviation on the training data get <see cref="FeatureDistillationOptions.FineStep"/>,
    /// the rest <see cref="FeatureDistillationOptions.CoarseStep"/>.
    /// </summary>
    BandDeviation,
}

/// <summary>
/// Feature distillation (Liu et al., CVPR 2019): JPEG-style 8×8 DCT quantisation in front of the backbone.
/// Defaults are what Mahmood et al. evaluated (BewareAdvML DefaultMethodsFeatureDistillation / DefenseFeatureDistillation):
/// a uniform step of 80 (S1 = S2 = 80), the DCT applied to each RGB plane on the 0–255 scale with no YCbCr
/// transform and no level shift, and images whose side is not 32 (Fashion-MNIST's 28) resized to 32, distilled
/// and resized back. Steps are on the 0–255 scale.
/// </summary>
public sealed record FeatureDistillationOptions : IDefenseOptions
{
    public QuantisationTableKind Table { get; init; } = QuantisationTableKind.Reference;

    /// <summary>S2: step of the top-left 4×4 (low-frequency) bands of the reference table (Beware: 80; original code: 25).</summary>
    public float LowFrequencyStep { get; init; } = 80f;

    /// <summary>S1: step of every other band of the reference table (Beware: 80; original code: 30).</summary>
    public float HighFrequencyStep { get; init; } = 80f;

    /// <summary>
    /// Distil RGB images in level-shifted YCbCr (JPEG's colour transform) instead of on the raw RGB planes.
    /// Off in the reference code; greyscale images are always distilled as their single plane.
    /// </summary>
    public bool ColourTransform { get; init; }

    /// <summary>
    /// Side the image is resized to (bilinear) before distillation and resized back from afterwards, as Beware's
    /// Fashion-MNIST path does (28→32→28); images already of this side are untouched; null = distil at native size.
    /// </summary>
    public int? WorkingSize { get; init; } = 32;

    /// <summary>Band-deviation table: bands (of 64) quantised finely, the ones with the largest deviation over the data.</summary>
    public int ImportantBands { get; init; } = 10;

    /// <summary>Band-deviation table: step for the important bands (0 = lossless).</summary>
    public float FineStep { get; init; } = 10f;

    /// <summary>Band-deviation table: step for every other band.</summary>
    public float CoarseStep { get; init; } = 50f;

    /// <summary>Band-deviation table: training images (first n) the band deviations are measured on.</summary>
    public int StatisticsImages { get; init; } = 2000;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (!Enum.IsDefined(Table)) throw new ArgumentException($"{section}.table = {Table} is not a known table kind.");
        if (!(LowFrequencyStep >= 0) || !(HighFrequencyStep >= 0) || float.IsInfinity(LowFrequencyStep) || float.IsInfinity(HighFrequencyStep))
            throw new ArgumentException($"{section} steps must be finite and >= 0 (lowFrequencyStep = {LowFrequencyStep}, highFrequencyStep = {HighFrequencyStep}).");
        if (WorkingSize is < 8) throw new ArgumentException($"{section}.workingSize = {WorkingSize} must be >= 8 (one DCT block) or null.");
        if (ImportantBands is < 0 or > 64) throw new ArgumentException($"{section}.importantBands = {ImportantBands} must be in [0, 64].");
        if (!(FineStep >= 0) || !(CoarseStep >= 0)) throw new ArgumentException($"{section} steps must be >= 0 (fineStep = {FineStep}, coarseStep = {CoarseStep}).");
        if (StatisticsImages < 1) throw new ArgumentException($"{section}.statisticsImages = {StatisticsImages} must be >= 1.");
    }
}
