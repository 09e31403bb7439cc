using Robustness.Evaluation.Estimates;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Estimates;

/// <summary>
/// The estimate prices a cell by its recorded time when the store has one, subtracts what the run already holds, and
/// drops a recorded training once its artefact is in the artefact store. The model here prices everything at an
/// hour, so an estimate that ignored a recorded timing would be off by hours.
/// </summary>
public sealed class GridEstimatorTests
{
    private const double ModelSeconds = 3600;

    [Test]
    public void Estimate_SameGridAfterARun_IsTheSumOfTheRecordedCellTimes()
    {
        using var world = new FakeWorld();
        world.Run();
        var recorded = world.Store.Load("fake").Sum(o => o.Timings[TimingKeys.Total]);

        var estimate = Estimate(world, "another-run");
        Assert.Multiple(() =>
        {
            Assert.That(recorded, Is.GreaterThan(0));
            Assert.That(estimate.Seconds, Is.EqualTo(recorded).Within(1e-9));
            Assert.That(estimate.ModelledSeconds, Is.Zero);
            Assert.That(estimate.Lines.Sum(l => l.Done), Is.Zero, "another run has done nothing yet");
            Assert.That(estimate.Lines.Where(l => l.Kind is CellKinds.Clean or CellKinds.Noise).Sum(l => l.Measured), Is.EqualTo(world.Cells.Count));
        });
    }

    [Test]
    public void Estimate_PartlyDoneRun_CountsOnlyTheCellsLeft()
    {
        using var world = new FakeWorld();
        world.Run();
        var done = world.Cells.Take(2).ToList();
        world.Runner.Run("partial", done);
        var left = world.Store.Load("fake").Where(o => done.All(d => d.Id != o.Cell.Id)).Sum(o => o.Timings[TimingKeys.Total]);

        var estimate = Estimate(world, "partial");
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Seconds, Is.EqualTo(left).Within(1e-9));
            Assert.That(estimate.Lines.Where(l => l.Kind is CellKinds.Clean or CellKinds.Noise).Sum(l => l.Done), Is.EqualTo(2));
            Assert.That(estimate.Lines.Where(l => l.Kind is CellKinds.Clean or CellKinds.Noise).Sum(l => l.Remaining), Is.EqualTo(world.Cells.Count - 2));
        });
    }

    [Test]
    public void Estimate_NothingRecorded_UsesTheModelForEveryCellAndTraining()
    {
        using var world = new FakeWorld();
        var estimate = Estimate(world, "fake");
        var trainings = world.Cells.SelectMany(c => TrainingUnit.Of(c, new HourModel())).Select(u => (u.Kind, u.Key)).Distinct().Count();
        Assert.That(estimate.ModelledSeconds, Is.EqualTo((world.Cells.Count + trainings) * ModelSeconds));
    }

    [Test]
    public void Estimate_RecordedTraining_CountsUntilItsArtefactIsStored()
    {
        var cell = new GridCell(CellKinds.Transfer, "smoke", "fashion-mnist", "dense", "vanilla", 0, 100, "pure-blackbox", 1, "pgd", "untargeted");
        var timing = new CellTiming("first", cell, CellStatus.Ok,
            new Dictionary<string, double> { [TimingKeys.Total] = 100, [TimingKeys.TrainBackbones] = 30, [TimingKeys.TrainSurrogates] = 60, [TimingKeys.TrainDefenses] = 0, [TimingKeys.BuildVariants] = 0 },
            new Dictionary<string, string> { ["vanilla/backbone"] = "aa", ["pure-blackbox/surrogate"] = "bb" }, DateTimeOffset.UnixEpoch);
        var estimator = new GridEstimator(new HourModel());

        var nothingStored = estimator.Estimate("second", [cell], _ => false, [timing], _ => false);
        var backboneStored = estimator.Estimate("second", [cell], _ => false, [timing], hash => hash == "aa");
        var bothStored = estimator.Estimate("second", [cell], _ => false, [timing], _ => true);
        Assert.Multiple(() =>
        {
            Assert.That(nothingStored.Seconds, Is.EqualTo(100), "10 s of attack + 30 s backbone + 60 s surrogate");
            Assert.That(backboneStored.Seconds, Is.EqualTo(70));
            Assert.That(bothStored.Seconds, Is.EqualTo(10));
            Assert.That(bothStored.Lines.Single(l => l.Kind == TrainingUnit.BackboneKind).Done, Is.EqualTo(1));
            Assert.That(nothingStored.ModelledSeconds, Is.Zero);
        });
    }

    private static GridEstimate Estimate(FakeWorld world, string runId)
    {
        var statuses = world.Store.CellStatuses(runId);
        return new GridEstimator(new HourModel()).Estimate(runId, world.Cells, id => statuses.TryGetValue(id, out var status) && status == CellStatus.Ok,
            world.Store.Timings(), _ => false);
    }

    private sealed class HourModel : ICostModel
    {
        public double CellSeconds(GridCell cell, bool computesExamples) => ModelSeconds;
        public double TrainingSeconds(TrainingUnit unit) => ModelSeconds;
        public bool SharesBackbone(string defense) => false;
    }
}
