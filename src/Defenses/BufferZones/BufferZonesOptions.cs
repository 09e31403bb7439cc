namespace Robustness.Defenses.BufferZones;

/// <summary>
/// BUZz (Nguyen et al., "BUZz: BUffer Zones for defending adversarial examples in image classification"):
/// members are copies of the backbone, each behind its own fixed input resize, trained separately; the defense
/// answers only when all members agree.
/// </summary>
public sealed record BufferZonesOptions
{
    /// <summary>The fixed square input size of each member (one member per entry, distinct sizes).</summary>
    public int[] InputSizes { get; init; } = [32, 40, 48, 64, 72, 80, 96, 104];

    /// <summary>Epochs of each member; null = the profile's backbone recipe (quick profiles may shorten it).</summary>
    public int? MemberEpochs { get; init; }

    /// <summary>Images per forward batch at prediction time.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>BUZz-8: eight members, sizes 32…104.</summary>
    public static BufferZonesOptions Buzz8() => new();

    /// <summary>BUZz-2: two members, the smallest and the largest resize of BUZz-8.</summary>
    public static BufferZonesOptions Buzz2() => new() { InputSizes = [32, 104] };
}
