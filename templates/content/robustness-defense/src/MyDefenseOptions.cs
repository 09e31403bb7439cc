using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace MyDefense;

/// <summary>
/// Settings of the defense; the defaults live here, once. A profile overrides them in its "defenses.my-defense-id"
/// section; Validate runs at registration and whenever a profile's section is bound, never in Fit.
/// </summary>
public sealed record MyDefenseOptions : IDefenseOptions
{
    /// <summary>
    /// The defense answers Reject when the backbone's top softmax probability is below this; 0 never rejects.
    /// </summary>
    public double RejectBelowConfidence { get; init; } = 0.15;

    public void Validate(string section, DatasetInfo? dataset)
    {
        if (RejectBelowConfidence is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(RejectBelowConfidence), RejectBelowConfidence, $"{section}.rejectBelowConfidence must be in [0, 1].");
    }
}
