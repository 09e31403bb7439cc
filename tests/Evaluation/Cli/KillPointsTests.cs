using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>
/// Issue 18's fault-injection suite, kill -9: the real CLI is killed at seeded random points of a smoke grid
/// (while starting, training a backbone with checkpoints, computing a cell, committing, writing the report), then
/// resumed; at least 5 kills. After every kill the cells committed before it are still there, unchanged, and no
/// later process computes them again; the finished run equals an uninterrupted one, number for number.
/// </summary>
public sealed class KillPointsTests
{
    private const int Kills = 6;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Test]
    public void Evaluate_KilledAtSeededRandomPoints_EveryResumeKeepsCommittedCellsAndTheEndMatchesAnUninterruptedRun()
    {
        using var grid = new FaultGrid();
        var reference = Path.Combine(grid.Root, "reference.db");
        var whole = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(reference, Path.Combine(grid.Root, "artefacts-reference"), Path.Combine(grid.Root, "reports-reference")));
        Assert.That(whole.ExitCode, Is.Zero, whole.Stderr + whole.Stdout);

        var store = Path.Combine(grid.Root, "killed.db");
        var args = grid.Evaluate(store, Path.Combine(grid.Root, "artefacts-killed"), Path.Combine(grid.Root, "reports-killed"));
        var random = new Random(18);
        var committed = new Dictionary<string, string>();
        var recomputed = new List<string>();
        var kills = new List<string>();
        for (var attempt = 0; kills.Count < Kills && attempt < 4 * Kills; attempt++)
        {
            var before = new Dictionary<string, string>(committed);
            using (var run = new CliProcess(grid.Root, args))
            {
                var point = KillPoint(random);
                if (!point.WaitFor(run, Timeout)) continue; // finished before the kill point: nothing to kill
                run.Kill();
                kills.Add(point.Describe);
                recomputed.AddRange(StartedCells(run.Stdout).Where(before.ContainsKey));
            }
            committed = Committed(store);
            foreach (var (cell, computation) in before)
                Assert.That(committed.GetValueOrDefault(cell), Is.EqualTo(computation), $"cell {cell} was lost or recomputed by the process killed {kills[^1]}");
        }
        var final = CliProcess.Run(grid.Root, Timeout, args);
        recomputed.AddRange(StartedCells(final.Stdout).Where(committed.ContainsKey));
        TestContext.Out.WriteLine($"{kills.Count} kills: {string.Join("; ", kills)}");

        using var expected = SqliteResultsStore.Open(reference, StoreAccess.ReadOnly);
        using var actual = SqliteResultsStore.Open(store, StoreAccess.ReadOnly);
        var want = expected.Load(FaultGrid.RunId).ToDictionary(o => o.Cell.Id);
        var got = actual.Load(FaultGrid.RunId).ToDictionary(o => o.Cell.Id);
        Assert.Multiple(() =>
        {
            Assert.That(kills, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(final.ExitCode, Is.Zero, final.Stderr + final.Stdout);
            Assert.That(recomputed, Is.Empty, "committed cells computed again");
            Assert.That(got.Keys, Is.EquivalentTo(want.Keys));
            foreach (var (id, outcome) in want)
            {
                Assert.That(got[id].Status, Is.EqualTo(CellStatus.Ok), got[id].Error);
                Assert.That(got[id].Metrics, Is.EqualTo(outcome.Metrics), $"metrics of {outcome.Cell.Describe()}");
                Assert.That(got[id].Examples, Is.EqualTo(outcome.Examples), $"examples of {outcome.Cell.Describe()}");
            }
        });
    }

    /// <summary>A seeded point: some time after launch, or some time after the k-th cell of this process started.</summary>
    private static KillPointSpec KillPoint(Random random) => random.Next(3) == 0
        ? new KillPointSpec(0, random.Next(300, 4_000))
        : new KillPointSpec(random.Next(1, 3), random.Next(0, 1_500));

    private sealed record KillPointSpec(int StartedCells, int DelayMs)
    {
        public string Describe => StartedCells == 0 ? $"{DelayMs} ms after launch" : $"{DelayMs} ms after cell #{StartedCells} started";

        /// <summary>True when the point was reached with the process still running.</summary>
        public bool WaitFor(CliProcess run, TimeSpan timeout)
        {
            if (StartedCells > 0 && run.WaitForLine(_ => StartedCellCount(run.Stdout) >= StartedCells, timeout) is null) return false;
            return !run.WaitForExitWithin(TimeSpan.FromMilliseconds(DelayMs));
        }
    }

    private static int StartedCellCount(string stdout) => StartedCells(stdout).Count();

    private static IEnumerable<string> StartedCells(string stdout) =>
        stdout.Split('\n').Where(l => l.StartsWith("start ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]);

    private static Dictionary<string, string> Committed(string store)
    {
        if (!File.Exists(store)) return [];
        using var results = SqliteResultsStore.Open(store); // read-write: rolls back a hot journal the kill left

        return results.FindRun(FaultGrid.RunId) is null ? [] : results.Load(FaultGrid.RunId).ToDictionary(o => o.Cell.Id, o => o.ComputationId);
    }
}
