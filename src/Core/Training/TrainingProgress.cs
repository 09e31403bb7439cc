namespace Robustness.Core.Training;

/// <summary>Progress of one training run, reported once per batch.</summary>
public sealed record TrainingProgress(
    string Name, int Epoch, int Epochs, long ImagesDone, long ImagesTotal, double Loss, double ImagesPerSecond);
