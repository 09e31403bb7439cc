using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.OddsAreOdd;

/// <summary>
/// The Odds are Odd (Roth, Kilcher and Hofmann, ICML 2019): a statistical test on how Gaussian input noise changes
/// the backbone's pairwise logit differences; inputs flagged by the test are rejected.
/// </summary>
public sealed record OddsAreOddOptions : IDefenseOptions
{
    /// <summary>Standard deviation of the Gaussian input noise, on the [0,1] image scale (paper: 0.05).</summary>
    public double NoiseStd { get; init; } = 0.05;

    /// <summary>Noisy copies per input used to estimate the expected change (paper: 256; 1 + this = passes per query).</summary>
    public int NoiseSamples { get; init; } = 256;

    /// <summary>
    /// Target false-positive rate of the detector on clean inputs (paper: CIFAR-10 0.40, Fashion-MNIST 0.01 —
    /// the latter set per dataset in profiles.json).
    /// </summary>
    public double FalsePositiveRate { get; init; } = 0.40;

    /// <summary>
    /// Clean training images used to fit the detector: the first half fits the per-class-pair standardisation,
    /// the second half sets the threshold.
    /// </summary>
    public int CalibrationImages { get; init; } = 2000;

    /// <summary>Images whose noisy copies go through the backbone in one batch (chunk × samples images per pass).</summary>
    public int ChunkImages { get; init; } = 4;

    /// <summary>Clip noisy images to [0,1] (inputs stay valid images).</summary>
    public bool ClipNoisyImages { get; init; } = true;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (NoiseStd <= 0) throw new InvalidDataException($"{section}.noiseStd must be > 0, got {NoiseStd}.");
        if (NoiseSamples < 1) throw new InvalidDataException($"{section}.noiseSamples must be >= 1, got {NoiseSamples}.");
        if (FalsePositiveRate is < 0 or > 1) throw new InvalidDataException($"{section}.falsePositiveRate must be in [0,1], got {FalsePositiveRate}.");
        if (CalibrationImages < 4) throw new InvalidDataException($"{section}.calibrationImages must be >= 4, got {CalibrationImages}.");
        if (ChunkImages < 1) throw new InvalidDataException($"{section}.chunkImages must be >= 1, got {ChunkImages}.");
    }
}
