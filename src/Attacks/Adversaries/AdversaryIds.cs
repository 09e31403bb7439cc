namespace Robustness.Attacks.Adversaries;

/// <summary>Stable kebab-case ids of the adversary models (Mahmood et al. 2021, §3).</summary>
public static class AdversaryIds
{
    /// <summary>Surrogate trained on a fraction q of the training set with its true labels; never queries the defense.</summary>
    public const string PureBlackBox = "pure-blackbox";

    /// <summary>Papernot et al. 2017 oracle adversary: seed set labelled by the defense, Jacobian-based augmentation.</summary>
    public const string OracleJacobian = "oracle-jacobian";

    public static readonly IReadOnlyList<string> All = [PureBlackBox, OracleJacobian];
}
