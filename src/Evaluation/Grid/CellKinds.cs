namespace Robustness.Evaluation.Grid;

/// <summary>What a grid cell measures. Stable strings: they are hashed into cell ids and stored.</summary>
public static class CellKinds
{
    /// <summary>Clean accuracy of a defense on the test set (Reject = error) and its false-rejection rate.</summary>
    public const string Clean = "clean";
    /// <summary>Random noise of the same norm and ε as the attacks (checklist baseline).</summary>
    public const string Noise = "noise";
    /// <summary>The paper's protocol: surrogate of an adversary, white-box attack on it, transfer to the defense.</summary>
    public const string Transfer = "transfer";
    /// <summary>The attack run directly on the defense where a gradient path exists (and on the canary backbone).</summary>
    public const string WhiteBox = "white-box";

    public static readonly IReadOnlyList<string> All = [Clean, Noise, Transfer, WhiteBox];
}
