namespace Robustness.Core.Contracts;

public static class Labels
{
    /// <summary>The label a defense answers when it abstains (detectors, non-unanimous votes).</summary>
    public const long Reject = -1;
}
