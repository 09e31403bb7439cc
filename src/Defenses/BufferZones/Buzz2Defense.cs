namespace Robustness.Defenses.BufferZones;

/// <summary>BUZz-2: two resize members, unanimous vote.</summary>
public sealed class Buzz2Defense(BufferZonesOptions options) : BufferZonesDefense(options)
{
    public override string Id => DefenseIds.Buzz2;
}
