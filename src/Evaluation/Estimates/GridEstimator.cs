using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Estimates;

/// <summary>
/// Predicts the wall time left for a grid. A cell already committed to the run (and counted done by the runner) costs
/// nothing. Any other cell is priced by its own recorded timing when the store holds one from any run (cell ids are
/// the same in every run): its "total" minus the training it did. Trainings (backbone, a defense's networks, a pruning
/// variant, a surrogate) are separate items: done when a stored cell shows their artefact and the artefact store still
/// holds it, or when no remaining cell needs them; else priced by the largest training time recorded for them
/// (only the first cell to need one pays it), or by the model. The model prices everything no timing covers.
/// </summary>
internal sealed class GridEstimator(ICostModel model)
{
    /// <param name="isDone">Whether the run holds the cell as done (the grid runner will skip it).</param>
    /// <param name="timings">What the store recorded, every run (<see cref="IResultsStore.Timings"/>).</param>
    /// <param name="artefactExists">Whether the artefact store holds an artefact hash.</param>
    public GridEstimate Estimate(string runId, IReadOnlyList<GridCell> cells, Func<string, bool> isDone,
        IReadOnlyList<CellTiming> timings, Func<string, bool> artefactExists)
    {
        // A failed cell's time says little about a successful one; Ok and NotApplicable cells are what a rerun repeats.
        var latest = timings.Where(t => t.Status != CellStatus.Failed && t.Timings.ContainsKey(TimingKeys.Total))
            .GroupBy(t => t.Cell.Id).ToDictionary(g => g.Key, g => g.MaxBy(t => t.FinishedUtc)!);
        var lines = new Dictionary<string, LineBuilder>();
        var examples = new HashSet<string>();
        LineBuilder Line(string kind) => lines.TryGetValue(kind, out var l) ? l : lines[kind] = new LineBuilder(kind);

        foreach (var cell in cells)
        {
            var line = Line(KindOf(cell));
            if (isDone(cell.Id)) line.Done++;
            else if (latest.TryGetValue(cell.Id, out var measured))
                line.AddMeasured(Math.Max(0, measured.Timings[TimingKeys.Total] - TimingKeys.Training.Sum(k => measured.Timings.GetValueOrDefault(k))));
            else line.AddModelled(model.CellSeconds(cell, !SharesExamples(cell) || examples.Add(cell.SharedKey)));
        }

        var evidence = timings.SelectMany(t => TrainingUnit.Of(t.Cell, model).Select(u => (Unit: u, Timing: t)))
            .ToLookup(x => (x.Unit.Kind, x.Unit.Key), x => x.Timing);
        var units = cells.SelectMany(c => TrainingUnit.Of(c, model).Select(u => (Unit: u, Needed: !isDone(c.Id))))
            .GroupBy(x => (x.Unit.Kind, x.Unit.Key));
        foreach (var group in units)
        {
            var unit = group.First().Unit;
            var line = Line(unit.Kind);
            var records = evidence[group.Key].ToList();
            if (!group.Any(x => x.Needed) || Trained(unit, records, artefactExists)) line.Done++;
            else if (records.Any(r => r.Status == CellStatus.Ok && r.Timings.ContainsKey(unit.TimingKey)))
                line.AddMeasured(records.Max(r => r.Timings.GetValueOrDefault(unit.TimingKey)));
            else if (records.Any(r => r.Status == CellStatus.Ok && !TimingKeys.Training.Any(r.Timings.ContainsKey)))
                line.AddMeasured(0); // a store from before training was timed apart: the cells' totals include it
            else line.AddModelled(model.TrainingSeconds(unit));
        }
        return new GridEstimate(runId, lines.Values.OrderBy(l => Order(l.Kind)).ThenBy(l => l.Kind, StringComparer.Ordinal).Select(l => l.Build()).ToList());
    }

    /// <summary>"transfer pure-blackbox", "clean", "white-box" ...: transfer cells apart per adversary.</summary>
    public static string KindOf(GridCell cell) => cell.Kind == CellKinds.Transfer ? $"{cell.Kind} {cell.Adversary}" : cell.Kind;

    private static bool SharesExamples(GridCell cell) => cell.Kind == CellKinds.Transfer && cell.Adversary == Attacks.Adversaries.AdversaryIds.PureBlackBox;

    private static bool Trained(TrainingUnit unit, List<CellTiming> records, Func<string, bool> artefactExists) =>
        records.Any(r =>
        {
            var shown = r.Weights.Where(w => unit.Shows(w.Key)).Select(w => w.Value).ToList();
            return shown.Count > 0 && shown.All(artefactExists);
        });

    private static int Order(string kind) => kind switch
    {
        CellKinds.Clean => 0,
        CellKinds.Noise => 1,
        _ when kind.StartsWith(CellKinds.Transfer, StringComparison.Ordinal) => 2,
        CellKinds.WhiteBox => 3,
        _ when kind.StartsWith("train", StringComparison.Ordinal) => 4,
        _ => 5,
    };

    private sealed class LineBuilder(string kind)
    {
        public string Kind => kind;
        public int Done, Measured, Modelled;
        private double measuredSeconds, modelledSeconds;

        public void AddMeasured(double seconds)
        {
            Measured++;
            measuredSeconds += seconds;
        }

        public void AddModelled(double seconds)
        {
            Modelled++;
            modelledSeconds += seconds;
        }

        public EstimateLine Build() => new(kind, Done + Measured + Modelled, Done, Measured, Modelled, measuredSeconds, modelledSeconds);
    }
}
