using System.Security.Cryptography;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Store;

/// <summary>Issue 18, item 9: reading a store never creates or changes one.</summary>
public sealed class StoreAccessTests
{
    [Test]
    public void Open_ReadOnlyAMistypedPath_OneErrorNamingItAndNoDatabaseCreated()
    {
        using var dir = new TempDirectory();
        var typo = Path.Combine(dir.Path, "typo.db");
        var error = Assert.Throws<ResultsStoreException>(() => ResultsStores.Open(typo, StoreAccess.ReadOnly).Dispose())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(typo).And.Contain("does not exist"));
            Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty);
        });
    }

    [Test]
    public void Open_ReadOnlyAnExistingStore_LoadsItAndLeavesItByteForByte()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "r.db");
        var cell = new GridCell(CellKinds.Clean, "smoke", "cifar10", "dense", "vanilla", 0, 3);
        using (var store = SqliteResultsStore.Open(path))
        {
            store.EnsureRun(new RunRecord("r", "t", "smoke", "{}", [cell.Id], DateTimeOffset.UtcNow));
            store.Commit("r", new CellOutcome(cell, CellStatus.Ok, new Dictionary<string, double> { [MetricNames.CleanAccuracy] = 1 }, [],
                new Dictionary<string, double>(), ProvenanceManifest.Empty("smoke")));
        }
        var before = SHA256.HashData(File.ReadAllBytes(path));
        using (var reader = ResultsStores.Open(path, StoreAccess.ReadOnly))
        {
            Assert.That(reader.Load("r").Select(o => o.Cell), Is.EqualTo(new[] { cell }));
            Assert.That(() => reader.EnsureRun(new RunRecord("r2", "t", "smoke", "{}", [], DateTimeOffset.UtcNow)),
                Throws.TypeOf<ResultsStoreException>().With.Message.Contain(path), "a write through a read-only store is a store error, not a crash");
        }
        Assert.That(SHA256.HashData(File.ReadAllBytes(path)), Is.EqualTo(before));
    }
}
