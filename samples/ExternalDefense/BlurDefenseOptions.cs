using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Samples.ExternalDefense;

/// <summary>Settings of the sample defense; defaults live here once, validated at registration and per profile.</summary>
public sealed record BlurDefenseOptions : IDefenseOptions
{
    /// <summary>Side of the mean filter applied to every input before the classifier (odd, so the image keeps its size).</summary>
    public int KernelSize { get; init; } = 3;

    public int Epochs { get; init; } = 1;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (KernelSize < 1 || KernelSize % 2 == 0) throw new ArgumentException($"{section}.kernelSize = {KernelSize} must be odd and >= 1.");
        if (Epochs < 1 || BatchSize < 1 || !(LearningRate > 0))
            throw new ArgumentException($"{section}: epochs = {Epochs}, batchSize = {BatchSize}, learningRate = {LearningRate} must be positive.");
    }
}
