using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Evaluation.Protocol;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Protocol;

public sealed class OracleSurrogateCacheTests
{
    private const string Fast = """{ "surrogateArchitecture": "tiny-mlp", "rounds": 2, "epochsPerRound": 2, "learningRate": 0.01, "batchSize": 32 }""";

    [TestCase(true, 1)]
    [TestCase(false, 2)]
    public void Run_TwoAttacksSameOracle_SurrogateBuiltOnceWithCacheAndBothCellsChargedItsQueries(bool withCache, int expectedBuilds)
    {
        using var train = SyntheticData.Create(ProtocolFixture.Dataset, 40, seed: 6);
        using var test = SyntheticData.CreateHeldOut(ProtocolFixture.Dataset, 40, seed: 6);
        using var surrogates = new OracleSurrogateCache();
        var adversary = new CountingAdversary(new OracleJacobianAdversary());
        var defense = ProtocolFixture.Memorising("memorising", train, test);
        var evaluation = new TransferEvaluation(new PureBlackBoxExampleCache(), withCache ? surrogates : null);
        var fgsmCell = ProtocolFixture.Cell("memorising", AdversaryIds.OracleJacobian);
        var pgdCell = fgsmCell with { Attack = AttackIds.Pgd };
        CellResult Run(TransferCell cell, IAttack attack) => evaluation.Run(cell,
            new TransferInputs(defense, adversary, attack, ProtocolFixture.Context(train, Fast, "memorising"), test, ProtocolFixture.Options(20)));

        var first = Run(fgsmCell, new Fgsm(new FgsmOptions { Epsilon = 0.3 }));
        var second = Run(pgdCell, new Pgd(new PgdOptions { Epsilon = 0.3, StepSize = 0.05 }));
        Assert.Multiple(() =>
        {
            Assert.That(adversary.Builds, Is.EqualTo(expectedBuilds));
            Assert.That(surrogates.Count, Is.EqualTo(withCache ? 1 : 0));
            Assert.That(second.Queries, Is.EqualTo(first.Queries).And.EqualTo(40 + 80), "each cell is charged the surrogate's queries");
            Assert.That(second.SurrogateArtefact, Is.EqualTo(first.SurrogateArtefact));
            Assert.That(second.WhiteBoxSuccessRate, Is.GreaterThan(0), "the reused surrogate still attacks");
            Assert.That(second.L2.Max(), Is.GreaterThan(0f));
        });
    }
}
