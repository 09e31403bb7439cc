using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Defenses.BufferZones;

/// <summary>
/// BUZz (Nguyen et al., "BUZz: BUffer Zones for defending adversarial examples in image classification"):
/// members are copies of the backbone, each behind its own fixed input resize, trained separately; the defense
/// answers only when all members agree.
/// </summary>
public sealed record BufferZonesOptions : IDefenseOptions
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

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (InputSizes is null || InputSizes.Length == 0)
            throw new InvalidDataException($"{section}.inputSizes must list at least one size.");
        if (InputSizes.Any(s => s < 8))
            throw new InvalidDataException($"{section}.inputSizes: every size must be >= 8, got [{string.Join(",", InputSizes)}].");
        if (InputSizes.Distinct().Count() != InputSizes.Length)
            throw new InvalidDataException($"{section}.inputSizes: sizes must be distinct, got [{string.Join(",", InputSizes)}].");
        if (MemberEpochs is < 1)
            throw new InvalidDataException($"{section}.memberEpochs must be >= 1, got {MemberEpochs}.");
        if (BatchSize < 1)
            throw new InvalidDataException($"{section}.batchSize must be >= 1, got {BatchSize}.");
    }
}
