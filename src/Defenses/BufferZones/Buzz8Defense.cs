namespace Robustness.Defenses.BufferZones;

/// <summary>BUZz-8: eight resize members (32…104), unanimous vote.</summary>
public sealed class Buzz8Defense(BufferZonesOptions options) : BufferZonesDefense(options)
{
    public override string Id => DefenseIds.Buzz8;
}
