using Robustness.Core.Contracts;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// A black-box adversary: it cannot see the defense's gradients, so it builds its own synthetic surrogate
/// (Mahmood et al., "Beware the Black-Box", Entropy 2021) and later transfers white-box attacks from it.
/// </summary>
public interface IAdversaryModel
{
    /// <summary>"pure-blackbox", "oracle-jacobian" (see <see cref="AdversaryIds"/>).</summary>
    string Id { get; }

    /// <summary>True when the surrogate is built from oracle answers, so it depends on the defense.</summary>
    bool QueriesOracle { get; }

    /// <summary>
    /// Trains (or loads from the artefact store) the surrogate. <paramref name="oracle"/> is the fitted defense;
    /// the only thing the adversary may call on it is <see cref="IFittedDefense.Predict"/>, and every call is counted.
    /// </summary>
    SurrogateResult BuildSurrogate(
        AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget, IProgress<AdversaryProgress>? progress = null);
}
