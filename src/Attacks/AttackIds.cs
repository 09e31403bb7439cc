namespace Robustness.Attacks;

/// <summary>Stable kebab-case ids of the built-in attacks, as configs, profiles and reports use them.</summary>
public static class AttackIds
{
    public const string Fgsm = "fgsm";
    public const string IterativeFgsm = "ifgsm";
    public const string MomentumIterativeFgsm = "mim";
    public const string Pgd = "pgd";
    public const string CarliniWagnerL2 = "cw";
    public const string ElasticNet = "ead";

    public static readonly IReadOnlyList<string> All = [Fgsm, IterativeFgsm, MomentumIterativeFgsm, Pgd, CarliniWagnerL2, ElasticNet];

    /// <summary>The attacks bounded by the goal's ε (the gradient-sign family); C&amp;W and EAD minimise distortion instead.</summary>
    public static readonly IReadOnlyList<string> Bounded = [Fgsm, IterativeFgsm, MomentumIterativeFgsm, Pgd];
}
