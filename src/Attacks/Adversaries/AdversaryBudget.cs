namespace Robustness.Attacks.Adversaries;

/// <summary>How much data and how many queries the adversary may use.</summary>
/// <param name="Q">Fraction of the training set the adversary starts from, in (0, 1].</param>
/// <param name="Seed">Seed of the surrogate's initialisation and of every shuffle.</param>
/// <param name="MaxQueries">Oracle query budget (images labelled); null = unlimited. Augmentation stops when it is spent.</param>
public sealed record AdversaryBudget(double Q, long Seed, long? MaxQueries = null)
{
    public AdversaryBudget Validated()
    {
        if (Q is <= 0 or > 1 || double.IsNaN(Q)) throw new ArgumentOutOfRangeException(nameof(Q), Q, "adversary budget: q must be in (0, 1].");
        if (MaxQueries is < 0) throw new ArgumentOutOfRangeException(nameof(MaxQueries), MaxQueries, "adversary budget: the query budget must be >= 0.");
        return this;
    }
}
