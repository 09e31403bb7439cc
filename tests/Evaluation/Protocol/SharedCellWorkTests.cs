using NUnit.Framework;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Evaluation.Protocol;
using Robustness.Testing;
using Robustness.Testing.Adversaries;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Protocol;

/// <summary>
/// Cells that share a surrogate (same oracle, q, seed, adversary settings) or the defense's clean answers build them
/// once: every attack and goal after the first asks the oracle nothing, in this process (memory) and in the next
/// (artefact store), and the results are the numbers an uncached run computes.
/// </summary>
public sealed class SharedCellWorkTests
{
    private const string Fast = """{ "surrogateArchitecture": "tiny-mlp", "pureBlackBoxEpochs": 2, "rounds": 2, "epochsPerRound": 2, "learningRate": 0.01, "batchSize": 32 }""";

    private static readonly (string Attack, bool Targeted)[] AttacksAndGoals =
        [(AttackIds.Fgsm, false), (AttackIds.Fgsm, true), (AttackIds.Pgd, false), (AttackIds.Pgd, true)];

    private static IAttack Attack(string id) => id == AttackIds.Fgsm
        ? new Fgsm(new FgsmOptions { Epsilon = 0.3 })
        : new Pgd(new PgdOptions { Epsilon = 0.3, StepSize = 0.05 });

    /// <summary>Runs every attack × goal of one oracle-adversary row; null caches = the uncached behaviour.</summary>
    private static List<CellResult> Row(LabeledImages train, LabeledImages test, FakeDefense defense, IAdversaryModel adversary,
        SurrogateCache? surrogates, CleanPredictionCache? clean, string adversaryId = AdversaryIds.OracleJacobian)
    {
        using var examples = new PureBlackBoxExampleCache();
        var evaluation = new TransferEvaluation(examples, surrogates, clean);
        return AttacksAndGoals.Select(c => evaluation.Run(
            ProtocolFixture.Cell(defense.Id, adversaryId, c.Targeted) with { Attack = c.Attack },
            new TransferInputs(defense, adversary, Attack(c.Attack), ProtocolFixture.Context(train, Fast, defense.Id), test, ProtocolFixture.Options(20)))).ToList();
    }

    [Test]
    public void Run_FourAttacksAndGoalsOneOracle_SurrogateBuiltOnceAndEveryCellReportsItsQueries()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 6);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 40, seed: 6);
        using var directory = new TempDirectory();
        var store = new ArtefactStore(directory.Path);
        var adversary = new CountingAdversary(new OracleJacobianAdversary());
        var defense = ProtocolFixture.Memorising("memorising", train, test);
        using var surrogates = new SurrogateCache(store);
        var clean = new CleanPredictionCache(store);

        var results = Row(train, test, defense, adversary, surrogates, clean);

        Assert.Multiple(() =>
        {
            Assert.That(adversary.Builds, Is.EqualTo(1), "one surrogate for the four attack/goal cells");
            Assert.That(results.Select(r => r.Queries), Has.All.EqualTo(40L + 80L), "the surrogate's queries (relabel-all, 2 rounds), charged to every cell");
            Assert.That(results.Select(r => r.SurrogateArtefact).Distinct().Count(), Is.EqualTo(1));
            Assert.That(surrogates.Counts, Is.EqualTo(new CacheCounts("surrogates", 3, 0, 1)));
            Assert.That(clean.Counts, Is.EqualTo(new CacheCounts("clean predictions", 3, 0, 1)), "the clean test set is predicted once");
            Assert.That(defense.ImagesSeen, Is.EqualTo(40 + 120 + results.Sum(r => r.Attacked)),
                "the oracle saw the clean test set once, the surrogate's 120 queries once, and each cell's adversarial examples");
        });
    }

    [Test]
    public void Run_WithAndWithoutCaches_SameNumbers()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 7);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 40, seed: 7);
        using var directory = new TempDirectory();
        var store = new ArtefactStore(directory.Path);
        using var surrogates = new SurrogateCache(store);
        var uncachedAdversary = new CountingAdversary(new OracleJacobianAdversary());

        var cached = Row(train, test, ProtocolFixture.Memorising("memorising", train, test), new OracleJacobianAdversary(), surrogates, new CleanPredictionCache(store));
        var uncached = Row(train, test, ProtocolFixture.Memorising("memorising", train, test), uncachedAdversary, null, null);

        Assert.That(uncachedAdversary.Builds, Is.EqualTo(4), "without caches every cell builds its surrogate");
        foreach (var (a, b) in cached.Zip(uncached))
            Assert.Multiple(() =>
            {
                Assert.That(a.TestIndices, Is.EqualTo(b.TestIndices), a.Cell.Id);
                Assert.That(a.DefensePredictions, Is.EqualTo(b.DefensePredictions), a.Cell.Id);
                Assert.That(a.Success, Is.EqualTo(b.Success), a.Cell.Id);
                Assert.That(a.WhiteBoxSuccess, Is.EqualTo(b.WhiteBoxSuccess), a.Cell.Id);
                Assert.That(a.L2, Is.EqualTo(b.L2), a.Cell.Id);
                Assert.That(a.Linf, Is.EqualTo(b.Linf), a.Cell.Id);
                Assert.That(a.DefenseAccuracy, Is.EqualTo(b.DefenseAccuracy), a.Cell.Id);
                Assert.That(a.CleanAccuracy, Is.EqualTo(b.CleanAccuracy), a.Cell.Id);
                Assert.That(a.SurrogateAgreement, Is.EqualTo(b.SurrogateAgreement), a.Cell.Id);
                Assert.That((a.Queries, a.RejectedQueries, a.OracleForwardPasses, a.SurrogateTrainingSetSize, a.SurrogateArtefact),
                    Is.EqualTo((b.Queries, b.RejectedQueries, b.OracleForwardPasses, b.SurrogateTrainingSetSize, b.SurrogateArtefact)), a.Cell.Id);
            });
    }

    [Test]
    public void Run_SecondProcessFreshCachesSameStore_LoadsSurrogateAndCleanAnswersWithoutQueryingOrAugmenting()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 8);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 40, seed: 8);
        using var directory = new TempDirectory();
        var firstDefense = ProtocolFixture.Memorising("memorising", train, test);
        List<CellResult> first;
        using (var surrogates = new SurrogateCache(new ArtefactStore(directory.Path)))
            first = Row(train, test, firstDefense, new OracleJacobianAdversary(), surrogates, new CleanPredictionCache(new ArtefactStore(directory.Path)));

        var secondDefense = ProtocolFixture.Memorising("memorising", train, test);
        var secondAdversary = new CountingAdversary(new OracleJacobianAdversary());
        using var fresh = new SurrogateCache(new ArtefactStore(directory.Path));
        var freshClean = new CleanPredictionCache(new ArtefactStore(directory.Path));
        var second = Row(train, test, secondDefense, secondAdversary, fresh, freshClean);

        Assert.Multiple(() =>
        {
            Assert.That(secondAdversary.Builds, Is.Zero, "no oracle query, no Jacobian augmentation, no training: the store has the surrogate");
            Assert.That(fresh.Counts, Is.EqualTo(new CacheCounts("surrogates", 3, 1, 0)));
            Assert.That(freshClean.Counts, Is.EqualTo(new CacheCounts("clean predictions", 3, 1, 0)));
            Assert.That(secondDefense.ImagesSeen, Is.EqualTo(second.Sum(r => r.Attacked)), "the oracle only scores the adversarial examples");
            Assert.That(second.Select(r => r.Queries), Has.All.EqualTo(first[0].Queries), "the surrogate's query count is still reported");
            Assert.That(second.Select(r => r.SurrogateTrainingSeconds), Has.All.Zero);
            Assert.That(second.Select(r => r.DefensePredictions), Is.EqualTo(first.Select(r => r.DefensePredictions)));
            Assert.That(second.Select(r => r.L2), Is.EqualTo(first.Select(r => r.L2)), "the loaded surrogate has the built one's weights");
            Assert.That(second.Select(r => r.SurrogateArtefact), Is.EqualTo(first.Select(r => r.SurrogateArtefact)));
        });
    }

    [Test]
    public void Acquire_DifferentOracleQOrSeed_BuildsAnotherSurrogate()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 9);
        var adversary = new CountingAdversary(new OracleJacobianAdversary());
        var defense = ProtocolFixture.Constant(3, "always-three");
        using var surrogates = new SurrogateCache(store: null, capacity: 8);
        var context = ProtocolFixture.Context(train, Fast, "oracle-a");
        foreach (var (ctx, budget) in new[]
                 {
                     (context, new AdversaryBudget(1, 0)), (context, new AdversaryBudget(1, 0)), (context with { OracleKey = "oracle-b" }, new AdversaryBudget(1, 0)),
                     (context, new AdversaryBudget(0.5, 0)), (context, new AdversaryBudget(1, 1)), (context, new AdversaryBudget(1, 0, MaxQueries: 50)),
                 })
            using (surrogates.Acquire(adversary, ctx, defense, budget)) { }
        Assert.That(adversary.Builds, Is.EqualTo(5), "only the repeated (oracle, q, seed, budget) is shared");
    }

    [Test]
    public void Acquire_BuiltInsideACellsDisposeScope_OutlivesTheScopeAndIsDisposedWhenEvicted()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 10);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 8, seed: 10);
        var defense = ProtocolFixture.Constant(1, "always-one");
        using var surrogates = new SurrogateCache(store: null, capacity: 1);
        var context = ProtocolFixture.Context(train, Fast, "always-one");
        SurrogateResult first;
        using (NewDisposeScope())
        using (var lease = surrogates.Acquire(new OracleJacobianAdversary(), context, defense, new AdversaryBudget(1, 0)))
            first = lease.Surrogate;

        using (var again = surrogates.Acquire(new OracleJacobianAdversary(), context, defense, new AdversaryBudget(1, 0)))
        {
            Assert.That(again.Surrogate, Is.SameAs(first));
            using var scope = NewDisposeScope();
            Assert.DoesNotThrow(() => first.Surrogate.PredictLabels(test.Images), "the kept surrogate's weights survived the scope it was built in");
        }
        Assert.That(first.Surrogate.Module.parameters().Any(p => p.IsInvalid), Is.False);

        using (surrogates.Acquire(new OracleJacobianAdversary(), context, defense, new AdversaryBudget(1, 1))) { }
        Assert.That(first.Surrogate.Module.parameters().All(p => p.IsInvalid), Is.True, "evicting the surrogate disposed its weights");
    }

    [Test]
    public void GetOrAdd_BeyondCapacity_EvictsLeastRecentlyUsedAndDisposesIt()
    {
        using var cache = new PureBlackBoxExampleCache(capacity: 2);
        TransferExamples Examples() => new(zeros(2, 1, 4, 4).DetachFromDisposeScope(), [true, false], [0f, 0f], [0f, 0f], 0, "", 0, 0, 0, 0, 0, [], new Dictionary<string, string>());
        var a = cache.GetOrAdd("a", Examples, out _);
        var b = cache.GetOrAdd("b", Examples, out _);
        cache.GetOrAdd("a", () => throw new AssertionException("'a' is cached"), out var reused);
        cache.GetOrAdd("c", Examples, out _);
        Assert.Multiple(() =>
        {
            Assert.That(reused, Is.True);
            Assert.That(b.Adversarial.IsInvalid, Is.True, "'b' was least recently used: evicted and disposed");
            Assert.That(a.Adversarial.IsInvalid, Is.False);
            Assert.That(cache.Count, Is.EqualTo(2));
            Assert.That(cache.Counts, Is.EqualTo(new CacheCounts("pure black-box examples", 1, 0, 3)));
        });
    }

    [Test]
    public void Acquire_SurrogateTrainedThroughTheSameStore_RecordPointsAtTheFinalRoundInsteadOfCopyingIt()
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 11);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 16, seed: 11);
        using var directory = new TempDirectory();
        var store = new ArtefactStore(directory.Path);
        var context = ProtocolFixture.Context(train, Fast, "always-two") with { Networks = new NetworkTrainer(store, CPU) };
        var defense = ProtocolFixture.Constant(2, "always-two");
        long[] built;
        string finalRound;
        using (var first = new SurrogateCache(store))
        using (var lease = first.Acquire(new OracleJacobianAdversary(), context, defense, new AdversaryBudget(1, 0)))
        {
            built = lease.Surrogate.Surrogate.PredictLabels(test.Images).data<long>().ToArray();
            finalRound = lease.Surrogate.ArtefactHash;
        }
        var adversary = new CountingAdversary(new OracleJacobianAdversary());
        using var second = new SurrogateCache(new ArtefactStore(directory.Path));
        using var loaded = second.Acquire(adversary, context, defense, new AdversaryBudget(1, 0));
        var record = ArtefactStore.HashOf(SurrogateCache.Key(adversary, context, new AdversaryBudget(1, 0)));
        Assert.Multiple(() =>
        {
            Assert.That(adversary.Builds, Is.Zero);
            Assert.That(loaded.Surrogate.ArtefactHash, Is.EqualTo(finalRound));
            Assert.That(loaded.Surrogate.Surrogate.PredictLabels(test.Images).data<long>().ToArray(), Is.EqualTo(built));
            Assert.That(File.Exists(store.FilePath(record, NetworkTrainer.WeightsFile)), Is.False, "no second copy of the final round's weights");
        });
    }
}
