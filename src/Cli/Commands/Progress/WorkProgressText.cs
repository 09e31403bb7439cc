using System.Globalization;
using Robustness.Core.Training;

namespace Robustness.Cli.Commands.Progress;

/// <summary>The words of a training progress report: "vanilla/backbone epoch 2/4 batch 120/391 (37.5 %) loss 0.5321 410 img/s ETA 0:04:12".</summary>
public static class WorkProgressText
{
    public static string Describe(TrainingProgress p)
    {
        var batch = p.Batches > 0 ? $" batch {p.Batch}/{p.Batches}" : "";
        var percent = p.ImagesTotal > 0 ? 100.0 * p.ImagesDone / p.ImagesTotal : 0;
        var eta = p.Eta is { } e ? $" ETA {(int)e.TotalHours}:{e:mm\\:ss}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Name} epoch {p.Epoch}/{p.Epochs}{batch} ({percent:0.0} %) loss {p.Loss:0.0000} {p.ImagesPerSecond:0} img/s{eta}");
    }
}
