namespace Robustness.Core.Fidelity;

/// <summary>
/// One way a component differs from its paper or reference code. Differences in profile settings (quick vs paper
/// epochs, sample counts) are not listed here: reports derive them from profiles.json.
/// </summary>
public sealed record FidelityDifference
{
    /// <summary>What differs, in a few words ("shrinkage threshold").</summary>
    public required string Aspect { get; init; }

    /// <summary>What the paper or its reference code does.</summary>
    public required string Paper { get; init; }

    /// <summary>Where that was read: paper section or repository:path.</summary>
    public required string Source { get; init; }

    /// <summary>What the framework does today.</summary>
    public required string Framework { get; init; }

    /// <summary>True when the framework differs on purpose (the reason belongs in <see cref="Framework"/>).</summary>
    public required bool Deliberate { get; init; }

    /// <summary>Profiles the difference is in force under; empty = every profile.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Where an undeliberate difference is being fixed (an issue and item), if anywhere.</summary>
    public string? Tracking { get; init; }

    public bool AppliesTo(string profile) => Profiles.Count == 0 || Profiles.Contains(profile, StringComparer.Ordinal);
}
