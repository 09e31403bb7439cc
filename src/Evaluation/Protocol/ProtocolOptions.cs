namespace Robustness.Evaluation.Protocol;

/// <summary>Transfer-protocol settings; profile section "protocol". Defaults are the paper's (DESIGN §4).</summary>
public sealed record ProtocolOptions
{
    public const string SectionName = "protocol";

    /// <summary>Attacked test points per cell (paper: 1000).</summary>
    public int AttackedPoints { get; init; } = 1000;

    /// <summary>Held-out test images (first n) on which surrogate/oracle agreement is measured.</summary>
    public int AgreementPoints { get; init; } = 1000;

    /// <summary>Attack batch size (memory only).</summary>
    public int AttackBatchSize { get; init; } = 128;

    /// <summary>Fractions q of the training set the adversary starts from (paper: 100 %, 75 %, 50 %, 25 %, 1 %).</summary>
    public double[] QGrid { get; init; } = [1.0, 0.75, 0.5, 0.25, 0.01];

    /// <summary>Query budgets of the queries curve, as multiples of the seed-set size n (8 = new-only, 15 = relabel-all at 4 rounds).</summary>
    public double[] QueryBudgetMultiples { get; init; } = [1, 2, 4, 8, 15];

    public ProtocolOptions Validated()
    {
        if (AttackedPoints < 1) throw new ArgumentException($"profile section '{SectionName}': attackedPoints = {AttackedPoints} must be >= 1.");
        if (AgreementPoints < 0) throw new ArgumentException($"profile section '{SectionName}': agreementPoints = {AgreementPoints} must be >= 0.");
        if (AttackBatchSize < 1) throw new ArgumentException($"profile section '{SectionName}': attackBatchSize = {AttackBatchSize} must be >= 1.");
        if (QGrid.Length == 0 || QGrid.Any(q => q is <= 0 or > 1))
            throw new ArgumentException($"profile section '{SectionName}': qGrid [{string.Join(", ", QGrid)}] must be non-empty, each in (0, 1].");
        if (QueryBudgetMultiples.Any(m => m <= 0))
            throw new ArgumentException($"profile section '{SectionName}': queryBudgetMultiples [{string.Join(", ", QueryBudgetMultiples)}] must be > 0.");
        return this;
    }
}
