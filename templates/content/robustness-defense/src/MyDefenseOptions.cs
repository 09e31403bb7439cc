namespace MyDefense;

/// <summary>Settings of the defense; the defaults live here, once.</summary>
public sealed record MyDefenseOptions
{
    /// <summary>
    /// The defense answers Reject when the backbone's top softmax probability is below this; 0 never rejects.
    /// </summary>
    public double RejectBelowConfidence { get; init; } = 0.15;
}
