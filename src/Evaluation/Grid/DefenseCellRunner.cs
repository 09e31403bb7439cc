using System.Diagnostics;
using Robustness.Core.Data;
using Robustness.Evaluation.Store;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Cells that need only the defense: clean accuracy (Reject = error) with the false-rejection rate on the
/// profile's test set, and the random-noise baseline — every attacked point moved to a random corner of the
/// L∞ ball of radius ε (the strongest random perturbation of that norm), scored like an untargeted attack.
/// </summary>
public sealed class DefenseCellRunner(FittedDefenses defenses, Provenance provenance) : ICellRunner
{
    public IReadOnlyCollection<string> Kinds => [CellKinds.Clean, CellKinds.Noise];

    public CellOutcome Run(GridCell cell, CancellationToken cancellationToken)
    {
        var fitted = defenses.Get(cell);
        var test = defenses.Test(cell);
        var clock = Stopwatch.StartNew();
        var outcome = cell.Kind == CellKinds.Clean ? Clean(cell, fitted, test) : Noise(cell, fitted, test);
        var timings = new Dictionary<string, double> { ["fit"] = fitted.FitSeconds, ["predict"] = clock.Elapsed.TotalSeconds };
        var seeds = cell.Kind == CellKinds.Noise ? new Dictionary<string, long> { ["noise"] = NoiseSeed(cell) } : null;
        return outcome with { Timings = timings, Manifest = provenance.For(cell, fitted.Trainer.Weights, seeds) };
    }

    private static CellOutcome Clean(GridCell cell, FittedDefense fitted, LabeledImages test)
    {
        var predictions = DefenseOracle.Predict(fitted.Defense, test.Images);
        var labels = test.Labels.data<long>().ToArray();
        var examples = OutcomeScoring.ScoreClean(Enumerable.Range(0, labels.Length).ToArray(), labels, predictions);
        return Outcome(cell, OutcomeScoring.CleanMetrics(examples), examples);
    }

    private static CellOutcome Noise(GridCell cell, FittedDefense fitted, LabeledImages test)
    {
        var epsilon = cell.Epsilon ?? throw new InvalidOperationException($"Noise cell {cell.Id} has no epsilon.");
        using var points = test.Take(cell.Points);
        long[] predictions;
        double[] linf, l2;
        using (var scope = NewDisposeScope())
        {
            var generator = new Generator((ulong)NoiseSeed(cell));
            var signs = rand(points.Images.shape, generator: generator).lt(0.5).to_type(float32) * 2 - 1;
            var noisy = (points.Images + epsilon * signs).clamp(0, 1);
            var delta = (noisy - points.Images).flatten(1);
            linf = delta.abs().amax([1]).to_type(float64).data<double>().ToArray();
            l2 = delta.norm(1).to_type(float64).data<double>().ToArray();
            predictions = DefenseOracle.Predict(fitted.Defense, noisy);
        }
        var labels = points.Labels.data<long>().ToArray();
        var examples = OutcomeScoring.Score(Enumerable.Range(0, labels.Length).ToArray(), labels, predictions, null, l2, linf);
        var metrics = OutcomeScoring.AttackMetrics(examples);
        metrics[MetricNames.Epsilon] = epsilon;
        return Outcome(cell, metrics, examples);
    }

    /// <summary>The noise seed: the cell's seed mixed with a constant, so noise differs from other seeded draws.</summary>
    public static long NoiseSeed(GridCell cell) => cell.Seed * 1_000_003 + 7919;

    private static CellOutcome Outcome(GridCell cell, Dictionary<string, double> metrics, IReadOnlyList<ExampleOutcome> examples) =>
        new(cell, CellStatus.Ok, metrics, examples, new Dictionary<string, double>(), ProvenanceManifest.Empty(cell.Profile));
}
