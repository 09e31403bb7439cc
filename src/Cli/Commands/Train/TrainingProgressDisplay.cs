using Robustness.Core.Training;
using Spectre.Console;

namespace Robustness.Cli.Commands.Train;

/// <summary>
/// Shows <see cref="TrainingProgress"/> as a Spectre.Console progress bar with ETA and images/s on a terminal, and
/// as one line per epoch when the output is redirected (logs, tests). Reports arrive on the training thread.
/// </summary>
public sealed class TrainingProgressDisplay(ProgressTask? task) : IProgress<TrainingProgress>
{
    private int lastEpoch = -1;
    private TrainingProgress? last;
    private double lossSum;
    private int batches;

    public void Report(TrainingProgress value)
    {
        if (task is not null)
        {
            task.MaxValue = value.ImagesTotal;
            task.Value = value.ImagesDone;
            task.Description = $"{Markup.Escape(value.Name)} epoch {value.Epoch}/{value.Epochs} loss {value.Loss:F3} {value.ImagesPerSecond:F0} img/s";
        }
        else if (value.Epoch != lastEpoch && last is not null)
        {
            WriteEpoch(last, lossSum / batches);
        }
        if (value.Epoch != lastEpoch) (lossSum, batches) = (0, 0);
        lossSum += value.Loss;
        batches++;
        lastEpoch = value.Epoch;
        last = value;
    }

    /// <summary>Prints the last epoch's line when there is no live bar.</summary>
    public void Complete()
    {
        if (task is null && last is not null) WriteEpoch(last, lossSum / batches);
    }

    private static void WriteEpoch(TrainingProgress p, double meanLoss) =>
        Console.WriteLine($"epoch {p.Epoch}/{p.Epochs} done: mean batch loss {meanLoss:F4}, {p.ImagesPerSecond:F0} images/s");
}
