using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;

namespace Robustness.Evaluation.Tests.Protocol;

/// <summary>Wraps an adversary and counts BuildSurrogate calls.</summary>
internal sealed class CountingAdversary(IAdversaryModel inner) : IAdversaryModel
{
    public int Builds { get; private set; }
    public string Id => inner.Id;
    public bool QueriesOracle => inner.QueriesOracle;

    public SurrogateResult BuildSurrogate(AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget, IProgress<AdversaryProgress>? progress = null)
    {
        Builds++;
        return inner.BuildSurrogate(context, oracle, budget, progress);
    }
}
