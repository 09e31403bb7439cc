namespace Robustness.Core.Training;

/// <summary>What a training run (or a cache hit) produced.</summary>
/// <param name="ArtefactHash">Content hash of the artefact holding the weights.</param>
/// <param name="FromCache">True when an existing artefact was loaded instead of training.</param>
public sealed record TrainingReport(
    string ArtefactHash, bool FromCache, int EpochsRun, double Seconds, double FinalLoss,
    IReadOnlyDictionary<string, double> Metrics)
{
    public const string TrainingSecondsMetric = "trainingSeconds";
    public const string VariantSecondsMetric = "variantSeconds";

    /// <summary>Training wall time as recorded when the artefact was built: <see cref="Seconds"/> for a fresh run, the
    /// manifest's metrics for a cache hit.</summary>
    public double RecordedSeconds => FromCache
        ? Metrics.GetValueOrDefault(TrainingSecondsMetric) + Metrics.GetValueOrDefault(VariantSecondsMetric)
        : Seconds;
}
