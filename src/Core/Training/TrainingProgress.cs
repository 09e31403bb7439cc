namespace Robustness.Core.Training;

/// <summary>
/// Progress of one training run (a network, a pruning phase, a surrogate round), reported after every batch on the
/// CPU. <see cref="ImagesDone"/> and <see cref="ImagesTotal"/> count the whole run (every epoch); <see cref="Batch"/>
/// and <see cref="Batches"/> the current epoch. A sink (<c>IProgress&lt;TrainingProgress&gt;</c>) only observes: reporting
/// never touches a generator or the computation, so results are the same with or without one.
/// </summary>
/// <param name="Batch">1-based batch within the epoch (0 when the reporter does not count batches).</param>
/// <param name="Batches">Batches per epoch (0 when unknown).</param>
public sealed record TrainingProgress(
    string Name, int Epoch, int Epochs, long ImagesDone, long ImagesTotal, double Loss, double ImagesPerSecond,
    int Batch = 0, int Batches = 0)
{
    /// <summary>Time left at the current rate; null before the rate is known.</summary>
    public TimeSpan? Eta => ImagesPerSecond > 0 && double.IsFinite(ImagesPerSecond) && ImagesTotal >= ImagesDone
        ? TimeSpan.FromSeconds((ImagesTotal - ImagesDone) / ImagesPerSecond)
        : null;

    /// <summary>Batches of one epoch, the last one folded away when it would hold one image (a one-image batch would break BatchNorm).</summary>
    public static int BatchesPerEpoch(int count, int batchSize)
    {
        var full = count / batchSize;
        var rest = count % batchSize;
        return full + (rest >= 2 || full == 0 ? 1 : 0);
    }

    /// <summary>Images one epoch actually trains on: <see cref="BatchesPerEpoch"/> batches, the last one partial.</summary>
    public static long ImagesPerEpoch(int count, int batchSize) => Math.Min((long)BatchesPerEpoch(count, batchSize) * batchSize, count);
}
