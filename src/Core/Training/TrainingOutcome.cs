namespace Robustness.Core.Training;

/// <summary>What <see cref="Trainer.Train"/> did.</summary>
/// <param name="ResumedFromEpoch">Epochs already done by a checkpoint found at start (0 = fresh run).</param>
/// <param name="EpochLosses">Mean training loss of every epoch, including those restored from the checkpoint.</param>
/// <param name="Seconds">Wall time of this process's training, excluding restored epochs.</param>
public sealed record TrainingOutcome(int ResumedFromEpoch, int EpochsRun, double Seconds, IReadOnlyList<double> EpochLosses)
{
    public double FinalLoss => EpochLosses.Count == 0 ? double.NaN : EpochLosses[^1];
}
