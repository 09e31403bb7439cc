namespace Robustness.Core.Training;

/// <summary>One finished epoch (1-based <see cref="Epoch"/>), passed to the trainer's per-epoch callback.</summary>
public sealed record EpochResult(int Epoch, int Epochs, double MeanLoss, double Seconds, double ImagesPerSecond);
