namespace Robustness.Samples.ExternalDefense;

/// <summary>Settings of the sample defense; defaults live here once.</summary>
public sealed record BlurDefenseOptions
{
    /// <summary>Side of the mean filter applied to every input before the classifier.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Training examples used (first n of the profile's training set).</summary>
    public int TrainExamples { get; init; } = 2000;

    public int Epochs { get; init; } = 1;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;
}
