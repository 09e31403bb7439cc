namespace Robustness.Core;

/// <summary>Process-wide settings of the core services (CLI options feed them).</summary>
/// <param name="ArtefactRoot">Artefact store root; null: env ROBUSTNESS_ARTEFACTS, else ./.artefacts.</param>
/// <param name="Device">auto, cpu, cuda or cuda:N.</param>
/// <param name="ProfilesFile">A profiles.json replacing the embedded one; null: embedded.</param>
public sealed record CoreOptions(string? ArtefactRoot = null, string Device = DeviceSelection.Default, string? ProfilesFile = null);
