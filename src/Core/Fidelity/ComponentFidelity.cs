namespace Robustness.Core.Fidelity;

/// <summary>
/// What one component (an attack, adversary, defense, pruner, the backbones or the protocol) does in its paper and
/// reference code, what the framework does, and every difference between the two. The built-in components are
/// described once, in src/Evaluation/Fidelity/fidelity.json; a plug-in may declare its own with
/// <see cref="FidelityRegistration.AddFidelity"/>.
/// </summary>
public sealed record ComponentFidelity
{
    /// <summary>One of <see cref="FidelityKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The component's registered id (kebab-case), as configs and reports spell it.</summary>
    public required string Id { get; init; }

    /// <summary>Paper, authors and year, e.g. "Chen et al., AAAI 2018 — EAD".</summary>
    public required string Title { get; init; }

    /// <summary>Where the paper's and the reference code's behaviour was read (paper sections, repository files).</summary>
    public required string Reference { get; init; }

    /// <summary>What the paper (and the code the Beware-the-Black-Box evaluation ran) does, in one paragraph.</summary>
    public required string Paper { get; init; }

    /// <summary>What this framework does, in one paragraph.</summary>
    public required string Framework { get; init; }

    /// <summary>Profile sections (dotted paths of profiles.json) holding this component's settings; the report derives
    /// each profile's shrinkage against the paper profile from them.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Settings (full dotted paths, e.g. "defenses.odds-are-odd.chunkImages") that change memory or speed only,
    /// never results: left out of the profile comparison.</summary>
    public IReadOnlyList<string> NoEffectSettings { get; init; } = [];

    public IReadOnlyList<FidelityDifference> Differences { get; init; } = [];

    /// <summary>Keys of differences described once for several components (the "shared" table of fidelity.json);
    /// the catalog appends them to <see cref="Differences"/> when it loads.</summary>
    public IReadOnlyList<string> Shared { get; init; } = [];
}
