using System.Text.Json;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>
/// Issue 18's fault-injection suite through the real CLI: a full disk under the store and under the artefacts, a
/// read-only store, corrupt weights, a mistyped store. Each gives the documented exit code and one error line,
/// loses no result, leaves no temporary folder, and a rerun after the cause is removed retries what failed.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Test]
    public void Evaluate_StoreOnAFullDisk_ExitTwoOneLineNamingTheStoreAndEarlierResultsIntact()
    {
        if (TinyDisk.WhyUnavailable() is { } why) Assert.Ignore(why);
        using var grid = new FaultGrid();
        var (seeded, disk, store, after) = SeededStoreForTinyDisk(grid);
        var script = $"""
            cp {TinyDisk.Quote(seeded)} {TinyDisk.Quote(store)}
            dd if=/dev/zero of={TinyDisk.Quote(Path.Combine(disk, "filler"))} bs=4k 2>/dev/null || true
            set +e
            {TinyDisk.Cli(grid.Evaluate(store, Path.Combine(grid.Root, "artefacts"), Path.Combine(grid.Root, "reports")))}
            code=$?
            cp {TinyDisk.Quote(store)} {TinyDisk.Quote(after)}
            exit $code
            """;
        var result = TinyDisk.Run(disk, 256, script, Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr + result.Stdout);
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain(store).And.Contain("full"));
            Assert.That(result.Stdout, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
            AssertSeedIntact(after);
        });
    }

    [Test]
    public void EvaluateAndReport_ReadOnlyStore_EvaluateExitsTwoNamingItReportStillRenders()
    {
        if (TinyDisk.WhyUnavailable() is { } why) Assert.Ignore(why);
        using var grid = new FaultGrid();
        var (seeded, disk, store, after) = SeededStoreForTinyDisk(grid);
        var reports = Path.Combine(grid.Root, "reports");
        var script = $"""
            cp {TinyDisk.Quote(seeded)} {TinyDisk.Quote(store)}
            mount -o remount,ro {TinyDisk.Quote(disk)}
            set +e
            {TinyDisk.Cli(grid.Evaluate(store, Path.Combine(grid.Root, "artefacts"), reports))}
            code=$?
            {TinyDisk.Cli("report", "--store", store, "--run", "seeded", "--reports", reports)} > /dev/null || code=99
            cp {TinyDisk.Quote(store)} {TinyDisk.Quote(after)}
            exit $code
            """;
        var result = TinyDisk.Run(disk, 1024, script, Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), "evaluate: 2; report on the read-only store must succeed (99 otherwise)\n" + result.Stderr + result.Stdout);
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain(store).And.Contain("read-only"));
            Assert.That(result.Stdout, Does.Not.Contain("   at "));
            Assert.That(Path.Combine(reports, "seeded", "report.html"), Does.Exist);
            AssertSeedIntact(after);
        });
    }

    [Test]
    public void Evaluate_ArtefactsOnAFullDiskThenSpaceFreed_CellsFailExitOneNoTempFoldersThenTheRerunRetriesThem()
    {
        if (TinyDisk.WhyUnavailable() is { } why) Assert.Ignore(why);
        using var grid = new FaultGrid();
        var store = Path.Combine(grid.Root, "r.db");
        var reports = Path.Combine(grid.Root, "reports");
        var disk = Path.Combine(grid.Root, "disk");
        var leftovers = Path.Combine(grid.Root, "leftovers.txt");
        var script = $"""
            set +e
            {TinyDisk.Cli(grid.Evaluate(store, disk, reports))}
            code=$?
            find {TinyDisk.Quote(disk)} -name '.tmp-*' > {TinyDisk.Quote(leftovers)}
            find {TinyDisk.Quote(disk)} -path '*/staging/*' >> {TinyDisk.Quote(leftovers)}
            exit $code
            """;
        var full = TinyDisk.Run(disk, 128, script, Timeout);
        var failedCells = FailedCells(store);

        var freed = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, Path.Combine(grid.Root, "artefacts"), reports));

        Assert.Multiple(() =>
        {
            Assert.That(full.ExitCode, Is.EqualTo(1), "ran, and cells failed\n" + full.Stderr + full.Stdout);
            Assert.That(failedCells, Is.EqualTo(4), "every cell needs the backbone, which cannot be saved");
            Assert.That(File.ReadAllText(leftovers).Trim(), Is.Empty, "temporary folders left on the full disk");
            Assert.That(full.Stdout, Does.Contain("4 failed"));
            Assert.That(freed.ExitCode, Is.Zero, freed.Stderr + freed.Stdout);
            Assert.That(freed.Stdout, Does.Contain("4 computed (4 retried), 0 failed"));
            Assert.That(FailedCells(store), Is.Zero, "the store (and so the report) agrees with the summary line");
            Assert.That(ReportFailures(Path.Combine(reports, FaultGrid.RunId, "report.json")), Is.Zero);
        });
    }

    [Test]
    public void Evaluate_CorruptWeightsThenTheArtefactDeletedAsAdvised_ExitOneThenTheRerunRetriesAndExitsZero()
    {
        using var grid = new FaultGrid();
        var store = Path.Combine(grid.Root, "r.db");
        var artefacts = Path.Combine(grid.Root, "artefacts");
        var reports = Path.Combine(grid.Root, "reports");
        var first = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, artefacts, reports));
        Assert.That(first.ExitCode, Is.Zero, first.Stderr + first.Stdout);
        // A committed artefact, not a training checkpoint under the store's work/ folder.
        var inProgress = Path.Combine(artefacts, "work") + Path.DirectorySeparatorChar;
        var weights = Directory.GetFiles(artefacts, "*.safetensors", SearchOption.AllDirectories).Where(f => !f.StartsWith(inProgress, StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(weights, bytes);

        var corrupt = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, artefacts, reports, "--run", "again"));
        var failedErrors = Outcomes(store, "again").Where(o => o.Status == CellStatus.Failed).Select(o => o.Error ?? "").ToList();
        Directory.Delete(Path.GetDirectoryName(weights)!, recursive: true);
        var retried = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, artefacts, reports, "--run", "again"));

        Assert.Multiple(() =>
        {
            Assert.That(corrupt.ExitCode, Is.EqualTo(1), corrupt.Stderr + corrupt.Stdout);
            Assert.That(failedErrors, Is.Not.Empty.And.All.Contain("corrupt").And.All.Contain("Delete"));
            Assert.That(retried.ExitCode, Is.Zero, retried.Stderr + retried.Stdout);
            Assert.That(retried.Stdout, Does.Contain($"{failedErrors.Count} retried").And.Contain(", 0 failed"));
            Assert.That(Outcomes(store, "again").Select(o => o.Status), Is.All.EqualTo(CellStatus.Ok));
            Assert.That(Outcomes(store, "again").ToDictionary(o => o.Cell.Id, o => o.Metrics), Is.EqualTo(Outcomes(store, FaultGrid.RunId).ToDictionary(o => o.Cell.Id, o => o.Metrics)),
                "the rebuilt backbone gives the first run's numbers");
        });
    }

    [Test]
    public void Report_MistypedStore_ExitTwoNamingItAndNoDatabaseCreated()
    {
        using var grid = new FaultGrid();
        var typo = Path.Combine(grid.Root, "typo.db");
        var result = CliProcess.Run(grid.Root, Timeout, "report", "--store", typo, "--reports", Path.Combine(grid.Root, "reports"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr + result.Stdout);
            Assert.That(result.Stderr.Trim(), Does.StartWith("error:").And.Contain(typo).And.Contain("does not exist"));
            Assert.That(typo, Does.Not.Exist);
            Assert.That(Path.Combine(grid.Root, "reports"), Does.Not.Exist);
        });
    }

    /// <summary>
    /// The seeded store (<see cref="SeedStore"/>) and where a tiny-disk test puts it: <c>r.db</c> on the tiny disk mounted
    /// at <c>disk</c>, copied back to <c>after.db</c> on the real disk for inspection.
    /// </summary>
    private static (string Seeded, string Disk, string Store, string After) SeededStoreForTinyDisk(FaultGrid grid)
    {
        var disk = Path.Combine(grid.Root, "disk");
        return (SeedStore(Path.Combine(grid.Root, "seed.db")), disk, Path.Combine(disk, "r.db"), Path.Combine(grid.Root, "after.db"));
    }

    /// <summary>A store holding one run ("seeded") with one committed cell: what must survive a failing write.</summary>
    private static string SeedStore(string path)
    {
        using var store = SqliteResultsStore.Open(path);
        store.EnsureRun(new RunRecord("seeded", "seeded", "smoke", "{\"name\":\"seeded\",\"profile\":\"smoke\"}", [SeededCell.Id], DateTimeOffset.UtcNow));
        store.Commit("seeded", new CellOutcome(SeededCell, CellStatus.Ok, new Dictionary<string, double> { [MetricNames.CleanAccuracy] = 0.75 },
            [new ExampleOutcome(0, 1, 1, -1, false, false)], new Dictionary<string, double>(), ProvenanceManifest.Empty("smoke"), null, DateTimeOffset.UtcNow, "seeded-computation"));
        return path;
    }

    private static readonly GridCell SeededCell = new(CellKinds.Clean, "smoke", "fashion-mnist", "dense", "vanilla", 0, 1);

    private static void AssertSeedIntact(string copy)
    {
        using var store = SqliteResultsStore.Open(copy, StoreAccess.ReadOnly);
        var outcomes = store.Load("seeded");
        Assert.That(outcomes.Select(o => (o.Cell.Id, o.ComputationId, o.Metric(MetricNames.CleanAccuracy))), Is.EqualTo(new[] { (SeededCell.Id, "seeded-computation", (double?)0.75) }));
        Assert.That(store.Runs().Select(r => r.RunId), Is.EqualTo(new[] { "seeded" }), "the failed run left no half registration");
    }

    private static IReadOnlyList<CellOutcome> Outcomes(string store, string run)
    {
        using var results = SqliteResultsStore.Open(store, StoreAccess.ReadOnly);
        return results.Load(run);
    }

    private static int FailedCells(string store) => Outcomes(store, FaultGrid.RunId).Count(o => o.Status == CellStatus.Failed);

    private static int ReportFailures(string reportJson)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(reportJson));
        return json.RootElement.TryGetProperty("failures", out var failures) ? failures.GetArrayLength() : 0;
    }
}
