using System.Collections.Concurrent;
using System.Diagnostics;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Grid;

/// <summary>Issue 18, items 4 and 9: failed cells are retried on a rerun; a cell claimed by one process is not computed by another.</summary>
public sealed class GridRunnerRetryAndClaimTests
{
    [Test]
    public void Run_FailedCellsAfterTheCauseIsRemoved_RerunRetriesThemAndTheSummaryMatchesTheStore()
    {
        using var world = new FakeWorld();
        var cells = new ScriptedCellRunner { Failing = true };
        var first = new GridRunner(world.Store, cells).Run("fake", world.Cells);
        cells.Failing = false;
        var kept = new GridRunner(world.Store, cells, new GridRunOptions { KeepFailed = true }).Run("fake", world.Cells);
        var keptStatuses = world.Store.CellStatuses("fake");
        var retried = new GridRunner(world.Store, cells).Run("fake", world.Cells);
        var statuses = world.Store.CellStatuses("fake");
        Assert.Multiple(() =>
        {
            Assert.That(first.Failed, Is.EqualTo(world.Cells.Count));
            Assert.That((kept.Computed, kept.Failed), Is.EqualTo((0, world.Cells.Count)), "--keep-failed leaves them, and says they are failed");
            Assert.That(keptStatuses.Values.Count(s => s == CellStatus.Failed), Is.EqualTo(kept.Failed), "the summary agrees with the store");
            Assert.That((retried.Computed, retried.Retried, retried.Failed, retried.Skipped), Is.EqualTo((world.Cells.Count, world.Cells.Count, 0, 0)));
            Assert.That(statuses.Values, Is.All.EqualTo(CellStatus.Ok), "the report renders from these statuses");
        });
    }

    [Test]
    public void Run_SecondProcessWhileACellIsClaimed_TakesTheOtherCellsAndNoCellIsComputedTwice()
    {
        using var world = new FakeWorld();
        using var second = SqliteResultsStore.Open(Path.Combine(world.Directory.Path, "results.db"));
        var computed = new ConcurrentBag<string>();
        using var firstEntered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocking = new ScriptedCellRunner { Computed = computed, OnFirstCell = () => { firstEntered.Set(); release.Wait(); } };
        var first = Task.Run(() => new GridRunner(world.Store, blocking).Run("fake", world.Cells));
        firstEntered.Wait();
        var other = new GridRunner(second, new ScriptedCellRunner { Computed = computed }).Run("fake", world.Cells);
        release.Set();
        var firstSummary = first.Result;
        Assert.Multiple(() =>
        {
            Assert.That(other.ClaimedElsewhere, Is.EqualTo(1), "the cell the first process holds");
            Assert.That(other.Computed, Is.EqualTo(world.Cells.Count - 1));
            Assert.That(firstSummary.Computed, Is.EqualTo(1));
            Assert.That(computed.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "computed twice");
            Assert.That(computed, Is.EquivalentTo(world.Cells.Select(c => c.Id)));
            Assert.That(world.Store.CellStatuses("fake").Values.ToList(), Has.Count.EqualTo(world.Cells.Count).And.All.EqualTo(CellStatus.Ok));
        });
    }

    [Test]
    public void TryClaim_LiveOwnerDeadOwnerOrExpiredLease_OnlyTheLiveOwnersClaimHolds()
    {
        using var world = new FakeWorld();
        var cell = world.Cells[0].Id;
        var live = CellClaim.ForThisProcess(TimeSpan.FromHours(1));
        var mine = CellClaim.ForThisProcess(TimeSpan.FromHours(1));
        Assert.That(world.Store.TryClaim("fake", cell, live, retryFailed: true), Is.True);
        var takenFromLive = world.Store.TryClaim("fake", cell, mine, retryFailed: true);

        world.Store.ReleaseClaim("fake", cell, live);
        Assert.That(world.Store.TryClaim("fake", cell, DeadProcessClaim(), retryFailed: true), Is.True);
        var takenFromDead = world.Store.TryClaim("fake", cell, mine, retryFailed: true);

        world.Store.ReleaseClaim("fake", cell, mine);
        var elsewhere = live with { Owner = "other-host-owner", Host = "another-host", ExpiresUtc = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1) };
        Assert.That(world.Store.TryClaim("fake", cell, elsewhere, retryFailed: true), Is.True);
        var takenFromExpired = world.Store.TryClaim("fake", cell, mine, retryFailed: true);
        var unexpiredElsewhere = elsewhere with { Owner = "other-host-owner-2", ExpiresUtc = DateTimeOffset.UtcNow + TimeSpan.FromHours(1) };
        world.Store.ReleaseClaim("fake", cell, mine);
        Assert.That(world.Store.TryClaim("fake", cell, unexpiredElsewhere, retryFailed: true), Is.True);
        var takenFromUnexpiredElsewhere = world.Store.TryClaim("fake", cell, mine, retryFailed: true);

        Assert.Multiple(() =>
        {
            Assert.That(takenFromLive, Is.False, "a live process on this host keeps its cell");
            Assert.That(takenFromDead, Is.True, "a killed process's cell is taken over at once");
            Assert.That(takenFromExpired, Is.True, "an owner elsewhere that stopped renewing loses its cell");
            Assert.That(takenFromUnexpiredElsewhere, Is.False, "an owner elsewhere within its lease keeps its cell");
        });
    }

    [Test]
    public void Commit_ThenClaim_ADoneCellIsNeverClaimedAgain()
    {
        using var world = new FakeWorld();
        var cell = world.Cells[0];
        world.Store.Commit("fake", new ScriptedCellRunner().Run(cell, CancellationToken.None));
        Assert.That(world.Store.TryClaim("fake", cell.Id, CellClaim.ForThisProcess(TimeSpan.FromHours(1)), retryFailed: true), Is.False);
    }

    /// <summary>A claim whose owner process has exited (a real process, killed and waited for).</summary>
    private static CellClaim DeadProcessClaim()
    {
        // The process must still run while its start time is read (a process that exits at once races the read).
        using var process = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var start = process.StartTime.ToUniversalTime().Ticks;
        process.Kill();
        process.WaitForExit();
        return new CellClaim("dead-owner", Environment.MachineName, process.Id, start, DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
    }

    /// <summary>Computes clean and noise cells instantly: Ok with a fixed metric, or throwing while <see cref="Failing"/>.</summary>
    private sealed class ScriptedCellRunner : ICellRunner
    {
        private int started;
        public bool Failing { get; set; }
        public ConcurrentBag<string>? Computed { get; init; }
        public Action? OnFirstCell { get; init; }
        public IReadOnlyCollection<string> Kinds { get; } = [CellKinds.Clean, CellKinds.Noise];

        public CellOutcome Run(GridCell cell, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref started) == 1) OnFirstCell?.Invoke();
            Computed?.Add(cell.Id);
            if (Failing) throw new IOException("No space left on device");
            return new CellOutcome(cell, CellStatus.Ok, new Dictionary<string, double> { [MetricNames.CleanAccuracy] = 0.5 }, [],
                new Dictionary<string, double>(), ProvenanceManifest.Empty(cell.Profile));
        }
    }
}
