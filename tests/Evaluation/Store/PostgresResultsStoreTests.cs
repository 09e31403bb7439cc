using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Store;

/// <summary>The PostgreSQL store against a private server: same behaviour as SQLite (round trip, atomic commits, resume).</summary>
[NonParallelizable]
public sealed class PostgresResultsStoreTests
{
    private PrivatePostgres? server;

    [OneTimeSetUp]
    public void StartServer()
    {
        server = PrivatePostgres.TryStart(out var reason);
        if (server is null) Assert.Ignore("PostgreSQL store tests skipped: " + reason);
    }

    [OneTimeTearDown]
    public void StopServer() => server?.Dispose();

    [Test]
    public void Commit_ThenLoadFromAnotherConnection_RoundTripsAndFailedCommitLeavesNothing()
    {
        var cell = new GridCell(CellKinds.Clean, "smoke", "cifar10", "dense", "vanilla", 0, 3);
        var ok = new CellOutcome(cell, CellStatus.Ok, new Dictionary<string, double> { [MetricNames.CleanAccuracy] = 2 / 3.0 },
            [new ExampleOutcome(0, 1, 1, -1, false, false), new ExampleOutcome(1, 2, -1, -1, true, true), new ExampleOutcome(2, 3, 3, -1, false, false)],
            new Dictionary<string, double> { ["total"] = 0.5 }, ProvenanceManifest.Empty("smoke"), null, DateTimeOffset.UtcNow, "x");
        var broken = ok with { Cell = cell with { Seed = 1 }, Examples = [new ExampleOutcome(0, 1, 1, -1, false, false), new ExampleOutcome(0, 1, 1, -1, false, false)] };
        using (var store = ResultsStores.Open(server!.Url))
        {
            store.EnsureRun(new RunRecord("pg", "t", "smoke", "{}", [cell.Id], DateTimeOffset.UtcNow));
            store.Commit("pg", ok);
            Assert.That(() => store.Commit("pg", broken), Throws.Exception);
        }
        using var reopened = ResultsStores.Open(server.Url);
        var loaded = reopened.Load("pg");
        Assert.Multiple(() =>
        {
            Assert.That(reopened, Is.InstanceOf<PostgresResultsStore>());
            Assert.That(loaded.Select(o => o.Cell), Is.EqualTo(new[] { cell }));
            Assert.That(loaded[0].Examples, Is.EqualTo(ok.Examples));
            Assert.That(loaded[0].Metrics, Is.EqualTo(ok.Metrics));
            Assert.That(reopened.CompletedCells("pg"), Is.EquivalentTo(new[] { cell.Id }));
        });
    }

    [Test]
    public void Open_NoServerThere_OneClearError()
    {
        Assert.That(() => ResultsStores.Open("postgres://postgres@127.0.0.1:1/none"),
            Throws.TypeOf<ResultsStoreException>().With.Message.Contain("127.0.0.1:1/none"));
    }
}
