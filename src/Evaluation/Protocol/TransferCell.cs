using System.Globalization;

namespace Robustness.Evaluation.Protocol;

/// <summary>One grid cell of the transfer protocol (the defense's backbone variant is part of the defense id/key).</summary>
/// <param name="Epsilon">Norm bound of the attack on the [0,1] scale (ignored by unbounded attacks such as C&amp;W).</param>
/// <param name="QueryBudget">Oracle query budget of the adversary; null = unlimited.</param>
public sealed record TransferCell(
    string Dataset, string Profile, string Defense, string Adversary, double Q, string Attack, bool Targeted,
    long Seed, double Epsilon, long? QueryBudget = null)
{
    public string Goal => Targeted ? "targeted" : "untargeted";

    /// <summary>Stable text id, e.g. "fashion-mnist/quick/vanilla/oracle-jacobian/q=0.01/mim/untargeted/eps=0.1/seed=0".</summary>
    public string Id => string.Join("/", Dataset, Profile, Defense, Adversary, "q=" + F(Q), Attack, Goal, "eps=" + F(Epsilon),
        "seed=" + Seed.ToString(CultureInfo.InvariantCulture)) + (QueryBudget is { } b ? "/budget=" + b.ToString(CultureInfo.InvariantCulture) : "");

    public override string ToString() => Id;

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
