using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.DistributionClassifier;

public enum DistributionDecision { DistributionClassifier, MajorityVote }

/// <summary>
/// Distribution classifier (Kou, Lee, Chang and Ng, ICLR 2020): N random resize-and-pad copies of an image go through
/// the backbone; the per-class distributions of the N softmax outputs (Gaussian kernel-density estimates, width 0.05,
/// discretised to 100 bins over [0,1]) are classified by a second-stage classifier trained on correctly classified
/// clean training images (here ML.NET multiclass SDCA maximum entropy in place of the paper's DRN).
/// </summary>
public sealed record DistributionClassifierOptions : IDefenseOptions
{
    /// <summary>Random transformations per image (paper: 50 CIFAR-10, 100 Fashion-MNIST — the latter in profiles.json).</summary>
    public int Samples { get; init; } = 50;

    /// <summary>Bins of each class's softmax distribution over [0,1] (paper: marginal distributions discretised to 100 bins).</summary>
    public int Bins { get; init; } = 100;

    /// <summary>
    /// Gaussian kernel width (standard deviation) of the kernel-density estimate at the bin centres, normalised to the
    /// sample count (paper: 0.05); 0 = plain histogram of counts.
    /// </summary>
    public double KernelBandwidth { get; init; } = 0.05;

    /// <summary>Smallest resize as a fraction of the image side: each copy is resized to s ∈ [MinScale·H, H] and zero-padded back to H at a random offset.</summary>
    public double MinScale { get; init; } = 0.8;

    /// <summary>
    /// Correctly classified clean training images (the first, in dataset order) whose distributions train the second
    /// stage (paper: 10 000 CIFAR-10, 1000 Fashion-MNIST — set per dataset in profiles.json).
    /// </summary>
    public int TrainImages { get; init; } = 10_000;

    /// <summary>SDCA passes over the data.</summary>
    public int MaximumIterations { get; init; } = 100;

    /// <summary>Images whose random copies go through the backbone in one batch.</summary>
    public int ChunkImages { get; init; } = 16;

    /// <summary>Which rule <c>Predict</c> uses; both stay available on the defense for comparison.</summary>
    public DistributionDecision Decision { get; init; } = DistributionDecision.DistributionClassifier;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (Samples < 1) throw new InvalidDataException($"{section}.samples must be >= 1, got {Samples}.");
        if (Bins < 1) throw new InvalidDataException($"{section}.bins must be >= 1, got {Bins}.");
        if (KernelBandwidth < 0) throw new InvalidDataException($"{section}.kernelBandwidth must be >= 0, got {KernelBandwidth}.");
        if (MinScale is <= 0 or > 1) throw new InvalidDataException($"{section}.minScale must be in (0,1], got {MinScale}.");
        if (TrainImages < 1) throw new InvalidDataException($"{section}.trainImages must be >= 1, got {TrainImages}.");
        if (MaximumIterations < 1) throw new InvalidDataException($"{section}.maximumIterations must be >= 1, got {MaximumIterations}.");
        if (ChunkImages < 1) throw new InvalidDataException($"{section}.chunkImages must be >= 1, got {ChunkImages}.");
    }
}
