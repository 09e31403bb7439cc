using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Testing;
using Robustness.Testing.Adversaries;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class OracleJacobianQueryCountTests
{
    private const string Untrained = """{ "surrogateArchitecture": "tiny-mlp", "epochsPerRound": 1, "labelling": "{0}", "rounds": {1} }""";

    private static SurrogateResult Build(int seedSize, int rounds, LabellingMode mode, FakeDefense oracle, long? maxQueries = null)
    {
        using var train = SyntheticData.Create(AdversaryFixture.Dataset, seedSize, seed: 3);
        var json = Untrained.Replace("{0}", mode == LabellingMode.NewOnly ? "newOnly" : "relabelAll").Replace("{1}", rounds.ToString());
        var context = AdversaryFixture.Context(train, new LoopNetworkTrainer(train: false), json);
        return new OracleJacobianAdversary().BuildSurrogate(context, oracle, new AdversaryBudget(1.0, 7, maxQueries));
    }

    [Test]
    public void BuildSurrogate_NewOnlyNoRejects_QueriesEqualSeedTimesTwoToRoundsMinusOne([Values(1, 2, 3, 4)] int rounds)
    {
        var oracle = new FakeDefense(AdversaryFixture.MeanLabels, forwardPassesPerQuery: 3);
        using var result = Build(12, rounds, LabellingMode.NewOnly, oracle);
        var expected = 12L << (rounds - 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.EqualTo(expected));
            Assert.That(oracle.ImagesSeen, Is.EqualTo(expected));
            Assert.That(result.OracleForwardPasses, Is.EqualTo(3 * expected));
            Assert.That(result.TrainingSetSize, Is.EqualTo(12 << (rounds - 1)));
        });
    }

    [Test]
    public void BuildSurrogate_RelabelAllNoRejects_QueriesEqualSeedTimesTwoToRoundsMinusOneFull([Values(1, 2, 3, 4)] int rounds)
    {
        var oracle = new FakeDefense(AdversaryFixture.MeanLabels);
        using var result = Build(10, rounds, LabellingMode.RelabelAll, oracle);
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.EqualTo(10L * ((1L << rounds) - 1)), "n(2^R - 1): 15n for R = 4");
            Assert.That(result.TrainingSetSize, Is.EqualTo(10 << (rounds - 1)));
        });
    }

    [TestCase(LabellingMode.NewOnly, 4)]
    [TestCase(LabellingMode.RelabelAll, 4)]
    [TestCase(LabellingMode.NewOnly, 3)]
    public void BuildSurrogate_EveryFourthAnswerRejected_QueriesAndSetFollowRecurrence(LabellingMode mode, int rounds)
    {
        const int n = 21;
        var oracle = new FakeDefense(AdversaryFixture.EveryFourthRejected, canReject: true);
        using var result = Build(n, rounds, mode, oracle);

        // A call of m images has ⌊m/4⌋ rejects. Seed: n queried, S = n − ⌊n/4⌋ kept. Each augmentation makes S new
        // points: new-only queries S and keeps S − ⌊S/4⌋ of them; relabel-all queries all 2S and keeps 2S − ⌊2S/4⌋.
        long queries = n, rejected = n / 4, set = n - n / 4;
        for (var r = 1; r < rounds; r++)
        {
            var asked = mode == LabellingMode.NewOnly ? set : 2 * set;
            queries += asked;
            rejected += asked / 4;
            set = mode == LabellingMode.NewOnly ? set + set - set / 4 : asked - asked / 4;
        }
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.EqualTo(queries));
            Assert.That(result.Rejected, Is.EqualTo(rejected));
            Assert.That(result.TrainingSetSize, Is.EqualTo(set));
        });
    }

    [TestCase(LabellingMode.NewOnly, 50L, 50L, 50)]
    [TestCase(LabellingMode.NewOnly, 10L, 10L, 10)]
    [TestCase(LabellingMode.RelabelAll, 40L, 40L, 28)]
    public void BuildSurrogate_QueryBudget_StopsWhenSpent(LabellingMode mode, long budget, long expectedQueries, int expectedSet)
    {
        // Seed 12, 4 rounds. New-only, budget 50: 12 + 12 + 24 = 48, then only 2 of the next 48 new points.
        // New-only, budget 10: only 10 seed images are labelled and no augmentation is possible.
        // Relabel-all, budget 40: 12, then 24 (12 relabelled + 12 new) = 36; 4 left < 48, so only 4 new points are
        // labelled (old labels kept) → set 28, budget spent.
        var oracle = new FakeDefense(AdversaryFixture.MeanLabels);
        using var result = Build(12, 4, mode, oracle, budget);
        Assert.Multiple(() =>
        {
            Assert.That(result.Queries, Is.EqualTo(expectedQueries));
            Assert.That(result.Queries, Is.LessThanOrEqualTo(budget));
            Assert.That(result.TrainingSetSize, Is.EqualTo(expectedSet));
        });
    }
}
