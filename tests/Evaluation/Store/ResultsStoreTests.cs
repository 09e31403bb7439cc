using System.Security.Cryptography;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Store;

public sealed class ResultsStoreTests
{
    private static readonly GridCell Cell = new(CellKinds.Transfer, "smoke", "cifar10", "dense", "k-wta", 3, 4, "oracle-jacobian", 0.01, "pgd", "targeted");

    private static CellOutcome Outcome(params ExampleOutcome[] examples) => new(Cell, CellStatus.Ok,
        new Dictionary<string, double> { [MetricNames.DefenseAccuracy] = 0.25, [MetricNames.Queries] = 1234 }, examples,
        new Dictionary<string, double> { ["attack"] = 1.5 },
        new ProvenanceManifest(new Dictionary<string, string> { ["cifar10/test_batch.bin"] = "ab" }, new Dictionary<string, string> { ["vanilla/backbone"] = "cd" },
            new Dictionary<string, string> { ["TorchSharp"] = "0.107.0" }, new Dictionary<string, long> { ["cell"] = 3 }, "cpu", "smoke"),
        null, DateTimeOffset.UtcNow, "c1");

    private static RunRecord Run(string config = "{}") => new("r", "t", "smoke", config, [Cell.Id], DateTimeOffset.UtcNow);

    [Test]
    public void Commit_ThenLoad_RoundTripsEveryField()
    {
        using var dir = new TempDirectory();
        var examples = new[] { new ExampleOutcome(7, 3, 5, 5, true, false, 0.5, 0.05, true), new ExampleOutcome(9, 1, -1, 2, false, true, 0.1, 0.01, null) };
        using (var store = SqliteResultsStore.Open(Path.Combine(dir.Path, "r.db")))
        {
            store.EnsureRun(Run());
            store.Commit("r", Outcome(examples));
        }
        using var reopened = SqliteResultsStore.Open(Path.Combine(dir.Path, "r.db"));
        var loaded = reopened.Load("r").Single();
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Cell, Is.EqualTo(Cell));
            Assert.That(loaded.Examples, Is.EqualTo(examples));
            Assert.That(loaded.Metrics, Is.EqualTo(Outcome().Metrics));
            Assert.That(loaded.Manifest.WeightSha256["vanilla/backbone"], Is.EqualTo("cd"));
            Assert.That(loaded.Manifest.Seeds["cell"], Is.EqualTo(3));
            Assert.That(reopened.CompletedCells("r"), Is.EquivalentTo(new[] { Cell.Id }));
        });
    }

    [Test]
    public void Commit_FailsHalfway_LeavesNoTraceOfTheCell()
    {
        using var dir = new TempDirectory();
        using var store = SqliteResultsStore.Open(Path.Combine(dir.Path, "r.db"));
        store.EnsureRun(Run());
        var duplicateIndex = new ExampleOutcome(1, 0, 0, -1, false, false);
        Assert.That(() => store.Commit("r", Outcome(duplicateIndex, duplicateIndex)), Throws.Exception);
        Assert.Multiple(() =>
        {
            Assert.That(store.CompletedCells("r"), Is.Empty);
            Assert.That(store.Load("r"), Is.Empty);
        });
    }

    [Test]
    public void EnsureRun_ExistingRunWithAnotherConfig_Throws()
    {
        using var dir = new TempDirectory();
        using var store = SqliteResultsStore.Open(Path.Combine(dir.Path, "r.db"));
        store.EnsureRun(Run("{\"a\":1}"));
        store.EnsureRun(Run("{\"a\":1}"));
        Assert.That(() => store.EnsureRun(Run("{\"a\":2}")), Throws.TypeOf<ResultsStoreException>().With.Message.Contain("different config"));
    }

    [TestCase("garbage")]
    [TestCase("sqlite-damaged")]
    public void Open_CorruptFile_OneClearErrorAndTheFileIsUntouched(string kind)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "r.db");
        if (kind == "garbage") File.WriteAllText(path, "this is not a database at all, just text that is long enough");
        else
        {
            using (var store = SqliteResultsStore.Open(path)) store.EnsureRun(Run());
            var bytes = File.ReadAllBytes(path);
            for (var i = 100; i < bytes.Length; i++) bytes[i] = (byte)(i * 31);
            File.WriteAllBytes(path, bytes);
        }
        var before = SHA256.HashData(File.ReadAllBytes(path));
        var error = Assert.Throws<ResultsStoreException>(() => SqliteResultsStore.Open(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(path));
            Assert.That(SHA256.HashData(File.ReadAllBytes(path)), Is.EqualTo(before));
            Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void ToNpgsqlConnectionString_Url_BecomesKeyValueForm()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResultsStores.ToNpgsqlConnectionString("postgres://bob:s%40cret@db.example:5433/results"),
                Is.EqualTo("Host=db.example;Port=5433;Database=results;Username=bob;Password=s@cret"));
            Assert.That(ResultsStores.IsPostgres("results/robustness.db"), Is.False);
        });
    }
}
