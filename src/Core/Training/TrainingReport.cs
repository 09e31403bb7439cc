namespace Robustness.Core.Training;

/// <summary>What a training run (or a cache hit) produced.</summary>
/// <param name="ArtefactHash">Content hash of the artefact holding the weights.</param>
/// <param name="FromCache">True when an existing artefact was loaded instead of training.</param>
public sealed record TrainingReport(
    string ArtefactHash, bool FromCache, int EpochsRun, double Seconds, double FinalLoss,
    IReadOnlyDictionary<string, double> Metrics);
