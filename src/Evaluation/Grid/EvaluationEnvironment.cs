using Robustness.Core.Profiles;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>Where a run takes its data, profiles and artefacts from, and where it computes.</summary>
/// <param name="DataDirectory">The --data option (null: DataDirectory's default order).</param>
/// <param name="ArtefactsDirectory">Root of the trained-artefact store shared by all cells.</param>
public sealed record EvaluationEnvironment(ProfileCatalog Profiles, string? DataDirectory, string ArtefactsDirectory, Device Device)
{
    /// <summary>Training seconds of this process, read around each cell into its stored timings (cost estimates).</summary>
    public TrainingLedger Ledger { get; init; } = new();

    /// <summary>Where training, pruning and surrogate rounds report epoch/batch progress; null: nowhere.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }
}
