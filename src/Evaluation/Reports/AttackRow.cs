namespace Robustness.Evaluation.Reports;

/// <summary>
/// Defense accuracy of one attack setting (transfer, white-box or noise), with the attack's white-box success on
/// the adversary's own surrogate beside it and δ vs the baseline under the same adversary, attack and q.
/// </summary>
public sealed record AttackRow(
    string Dataset, string Variant, string Defense, string Kind, string? Adversary, double? Q, string? Attack, string? Goal,
    double EpsilonScale, double IterationScale, Estimate DefenseAccuracy, double? SurrogateSuccess, Estimate? Delta,
    double Queries, double Epsilon, int Points)
{
    public bool IsMain => EpsilonScale == 1 && IterationScale == 1;
}
