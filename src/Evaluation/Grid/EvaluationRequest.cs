using Robustness.Core;
using Robustness.Core.Training;

namespace Robustness.Evaluation.Grid;

/// <summary>What the evaluate / run-cell / plan / nightly commands ask for.</summary>
/// <param name="Config">A config file, or a name under configs/ (quick, smoke, paper).</param>
/// <param name="Profile">Overrides the config's profile.</param>
/// <param name="Store">SQLite path or PostgreSQL connection string (default results/robustness.db).</param>
/// <param name="RunId">Run name in the store; default "&lt;config&gt;-&lt;profile&gt;".</param>
/// <param name="ProfilesFile">A profiles.json replacing the embedded one.</param>
/// <param name="KeepFailed">Leave cells stored as failed as they are instead of retrying them.</param>
public sealed record EvaluationRequest(
    string Config, string? Profile = null, string? Store = null, string? Artefacts = null, string Device = DeviceSelection.Default,
    string? Data = null, string? RunId = null, string? ProfilesFile = null, bool KeepFailed = false)
{
    public const string ArtefactsVariable = "ROBUSTNESS_ARTEFACTS";

    /// <summary>Receives epoch/batch progress of the networks the run trains (the CLI renders it); null: none.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    public string ArtefactsDirectory => Artefacts ?? Environment.GetEnvironmentVariable(ArtefactsVariable) ?? ".artefacts";
}
