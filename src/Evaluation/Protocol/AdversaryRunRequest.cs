using Robustness.Core;

namespace Robustness.Evaluation.Protocol;

public enum TransferCurveKind { None, Q, Queries }

/// <summary>What `robustness adversary` asks for: one cell (plus the vanilla cell for δ), or a curve of cells.</summary>
/// <param name="Attack">One attack id, or several separated by commas (each gets its protocol ε unless <paramref name="Epsilon"/> is set).</param>
/// <param name="Epsilon">Attack ε; null = the protocol's for the dataset and attack.</param>
/// <param name="AttackedPoints">Overrides the profile's attacked points; null = profile.</param>
public sealed record AdversaryRunRequest(
    string Dataset, string Profile, string Defense, string Adversary, double Q, string Attack, bool Targeted, long Seed,
    string Device = DeviceSelection.Default, string? ArtefactRoot = null, string? DataDirectory = null, long? QueryBudget = null,
    double? Epsilon = null, int? AttackedPoints = null, TransferCurveKind Curve = TransferCurveKind.None);
