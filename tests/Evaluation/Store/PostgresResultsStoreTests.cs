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

    /// <summary>
    /// Issue 18, item 10 (the Slurm array that ended with 4/5 cells): tasks registering the same run at once. They queue on
    /// the writer lock; one that queued before another committed the run must see it once it has the lock, not insert
    /// it again (a serializable snapshot, taken before the lock, did not: duplicate key, the task died without its cell).
    /// </summary>
    [Test]
    public void EnsureRunAndTryClaim_WaitingOnTheWriterLockWhileAnotherCommits_SeeWhatWasCommitted()
    {
        var cell = new GridCell(CellKinds.Clean, "smoke", "cifar10", "dense", "vanilla", 0, 3);
        var run = new RunRecord("race", "t", "smoke", "{}", [cell.Id], DateTimeOffset.UtcNow);
        var waiters = Enumerable.Range(0, 3).Select(_ => ResultsStores.Open(server!.Url)).ToList();
        using var holder = new Npgsql.NpgsqlConnection(ResultsStores.ToNpgsqlConnectionString(server!.Url));
        holder.Open();
        Execute(holder, "SELECT pg_advisory_lock(23203416758252593)"); // PostgresResultsStore.WriterLockKey
        var registering = waiters.Select(w => Task.Run(() => w.EnsureRun(run))).ToList();
        while (Convert.ToInt64(Scalar(holder, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"), System.Globalization.CultureInfo.InvariantCulture) < waiters.Count)
            Thread.Sleep(20);
        using (var insert = new Npgsql.NpgsqlCommand("INSERT INTO runs (run_id, config_name, profile, config_json, plan_json, created_utc) VALUES (@id, 't', 'smoke', '{}', @plan, @created)", holder))
        {
            insert.Parameters.AddWithValue("id", run.RunId);
            insert.Parameters.AddWithValue("plan", StoreJson.Serialize(run.PlannedCells));
            insert.Parameters.AddWithValue("created", run.CreatedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }
        Execute(holder, "SELECT pg_advisory_unlock(23203416758252593)");
        Assert.That(() => Task.WaitAll([.. registering]), Throws.Nothing);
        var claims = waiters.Select(w => w.TryClaim("race", cell.Id, CellClaim.ForThisProcess(TimeSpan.FromHours(1)), retryFailed: true)).ToList();
        foreach (var w in waiters) w.Dispose();
        Assert.That(claims.Count(c => c), Is.EqualTo(1), "one task takes the cell, the others see its live claim");
    }

    private static void Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(Npgsql.NpgsqlConnection connection, string sql)
    {
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    [Test]
    public void Open_NoServerThere_OneClearError()
    {
        Assert.That(() => ResultsStores.Open("postgres://postgres@127.0.0.1:1/none"),
            Throws.TypeOf<ResultsStoreException>().With.Message.Contain("127.0.0.1:1/none"));
    }
}
