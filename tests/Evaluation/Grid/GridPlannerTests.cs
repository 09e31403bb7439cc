using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Tests.Grid;

public sealed class GridPlannerTests
{
    private static GridConfig Smoke() => new()
    {
        Name = "t", Profile = "smoke", Datasets = ["cifar10"], Defenses = ["k-wta", "bart"], Adversaries = ["pure-blackbox", "oracle-jacobian"],
        Q = [1.0, 0.01], Attacks = ["fgsm", "pgd"], Goals = ["untargeted", "targeted"], Seeds = [0, 1], AttackedPoints = 10,
    };

    [Test]
    public void Plan_FullGrid_HasEveryCombinationOnceWithUniqueIds()
    {
        var cells = GridPlanner.Plan(Smoke());
        var transfer = cells.Where(c => c is { Kind: CellKinds.Transfer, EpsilonScale: 1, IterationScale: 1 }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(transfer, Has.Count.EqualTo(3 * 2 * 2 * 2 * 2 * 2), "defenses × adversaries × q × attacks × goals × seeds");
            Assert.That(cells.Count(c => c.Kind == CellKinds.Clean), Is.EqualTo(3 * 2));
            Assert.That(cells.Count(c => c.Kind == CellKinds.Noise), Is.EqualTo(3 * 2));
            Assert.That(cells.Count(c => c.Kind == CellKinds.WhiteBox), Is.EqualTo(3 * 2 * 2 * 2));
            Assert.That(cells.Select(c => c.Id).Distinct().Count(), Is.EqualTo(cells.Count));
        });
    }

    [Test]
    public void Plan_PureBlackBoxCells_DefenseIsInnermostSoSharedExamplesAreReused()
    {
        var transfer = GridPlanner.Plan(Smoke()).Where(c => c is { Kind: CellKinds.Transfer, Adversary: "pure-blackbox" }).ToList();
        Assert.That(Blocks(transfer, c => c.SharedKey), Is.EqualTo(transfer.Select(c => c.SharedKey).Distinct().Count()),
            "each shared setting forms one contiguous block");
    }

    [Test]
    public void Plan_OracleCells_AttacksAndGoalsOfOneSurrogateAreNextToEachOther()
    {
        var transfer = GridPlanner.Plan(Smoke()).Where(c => c is { Kind: CellKinds.Transfer, Adversary: "oracle-jacobian", EpsilonScale: 1, IterationScale: 1 }).ToList();
        string Surrogate(GridCell c) => string.Join('|', c.Dataset, c.Variant, c.Seed, c.Adversary, c.Q, c.Defense);
        Assert.Multiple(() =>
        {
            Assert.That(Blocks(transfer, Surrogate), Is.EqualTo(transfer.Select(Surrogate).Distinct().Count()),
                "the cells of one oracle surrogate (defense, q) form one contiguous block, so a cache of one surrogate serves them");
            Assert.That(transfer.Select(Surrogate).Distinct().Count(), Is.EqualTo(3 * 2 * 2));
        });
    }

    /// <summary>Number of maximal runs of consecutive cells with the same key.</summary>
    private static int Blocks(IReadOnlyList<GridCell> cells, Func<GridCell, string> key) =>
        cells.Zip(cells.Skip(1)).Count(p => key(p.First) != key(p.Second)) + 1;

    [Test]
    public void Id_SameFieldsInAnotherProcessOrOrder_IsStable()
    {
        var cell = new GridCell(CellKinds.Transfer, "quick", "cifar10", "dense", "k-wta", 0, 100, "pure-blackbox", 0.01, "pgd", "untargeted");
        Assert.Multiple(() =>
        {
            Assert.That(cell.Id, Has.Length.EqualTo(16));
            Assert.That(cell.Id, Is.EqualTo("0fb0eb9d275f262f"), "SHA-256 of the canonical fields: the same in every process and on every machine");
            Assert.That((cell with { Q = 0.25 }).Id, Is.Not.EqualTo(cell.Id));
            Assert.That((cell with { Seed = 1 }).Id, Is.Not.EqualTo(cell.Id));
            Assert.That((cell with { Defense = "bart" }).SharedKey, Is.EqualTo(cell.SharedKey));
        });
    }

    [Test]
    public void Load_ShippedConfigs_AreValid()
    {
        foreach (var name in new[] { "smoke", "quick", "quick-full", "paper", "clean", "transfer" })
            Assert.That(GridPlanner.Plan(GridConfigFile.Load(name)), Is.Not.Empty, name);
    }

    [TestCase("{ \"name\": \"x\", \"q\": [1.5] }", "'q'")]
    [TestCase("{ \"name\": \"x\", \"datasets\": [\"mnist\"] }", "'datasets'")]
    [TestCase("{ \"name\": \"x\", \"seeds\": [0, 0] }", "'seeds'")]
    [TestCase("{ \"name\": \"x\", \"q\": [1.0, ", "invalid JSON")]
    public void Load_BadConfig_OneErrorNamingFileAndField(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<GridConfigException>(() => GridConfigFile.Load(path))!;
            Assert.That(error.Message, Does.Contain(path).And.Contain(expected));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
