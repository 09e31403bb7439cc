using Robustness.Core.Contracts;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// The paper's scoring. Untargeted success: prediction ≠ true label and ≠ Reject. Targeted success: prediction =
/// target. Defense accuracy = 1 − success rate. Clean accuracy: a Reject is an error.
/// </summary>
public static class OutcomeScoring
{
    public static bool UntargetedSuccess(long prediction, long label) => prediction != label && prediction != Labels.Reject;

    public static bool TargetedSuccess(long prediction, long target) => prediction == target;

    public static bool CleanCorrect(long prediction, long label) => prediction == label;

    /// <summary>Scores attacked points: <paramref name="targets"/> is null for untargeted goals.</summary>
    public static IReadOnlyList<ExampleOutcome> Score(int[] indices, long[] labels, long[] predictions, long[]? targets,
        double[]? l2 = null, double[]? linf = null, bool[]? surrogateSuccess = null)
    {
        var result = new ExampleOutcome[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var target = targets?[i] ?? -1;
            var success = targets is null ? UntargetedSuccess(predictions[i], labels[i]) : TargetedSuccess(predictions[i], target);
            result[i] = new ExampleOutcome(indices[i], labels[i], predictions[i], target, success, predictions[i] == Labels.Reject,
                l2?[i] ?? 0, linf?[i] ?? 0, surrogateSuccess?[i]);
        }
        return result;
    }

    /// <summary>Scores clean predictions: Success marks an error (wrong or rejected), as clean cells store it.</summary>
    public static IReadOnlyList<ExampleOutcome> ScoreClean(int[] indices, long[] labels, long[] predictions) =>
        indices.Select((index, i) => new ExampleOutcome(index, labels[i], predictions[i], -1,
            !CleanCorrect(predictions[i], labels[i]), predictions[i] == Labels.Reject)).ToList();

    /// <summary>Metrics of an attack, noise or white-box cell from its scored points.</summary>
    public static Dictionary<string, double> AttackMetrics(IReadOnlyList<ExampleOutcome> examples)
    {
        var n = Math.Max(1, examples.Count);
        var success = examples.Count(e => e.Success) / (double)n;
        var metrics = new Dictionary<string, double>
        {
            [MetricNames.Points] = examples.Count,
            [MetricNames.SuccessRate] = success,
            [MetricNames.DefenseAccuracy] = 1 - success,
            [MetricNames.RejectRate] = examples.Count(e => e.Rejected) / (double)n,
            [MetricNames.MeanL2] = examples.Count == 0 ? 0 : examples.Average(e => e.L2),
            [MetricNames.MeanLinf] = examples.Count == 0 ? 0 : examples.Average(e => e.Linf),
        };
        var surrogate = examples.Where(e => e.SurrogateSuccess is not null).ToList();
        if (surrogate.Count > 0) metrics[MetricNames.SurrogateSuccessRate] = surrogate.Count(e => e.SurrogateSuccess == true) / (double)surrogate.Count;
        return metrics;
    }

    /// <summary>Metrics of a clean cell: accuracy with Reject = error, and the false-rejection rate.</summary>
    public static Dictionary<string, double> CleanMetrics(IReadOnlyList<ExampleOutcome> examples)
    {
        var n = Math.Max(1, examples.Count);
        return new Dictionary<string, double>
        {
            [MetricNames.Points] = examples.Count,
            [MetricNames.CleanAccuracy] = examples.Count(e => !e.Success) / (double)n,
            [MetricNames.FalseRejectionRate] = examples.Count(e => e.Rejected) / (double)n,
        };
    }

    /// <summary>δ = defense accuracy(defense) − defense accuracy(baseline) under the same adversary, attack and q.</summary>
    public static double Delta(double defenseAccuracy, double baselineAccuracy) => defenseAccuracy - baselineAccuracy;
}
