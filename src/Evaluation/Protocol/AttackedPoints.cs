using Robustness.Core.Contracts;
using Robustness.Core.Data;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Which test images a cell attacks (Mahmood et al. 2021): for the oracle adversary the first N test images the
/// defense classifies correctly (a Reject is not correct); for the pure black-box adversary the first N test images.
/// </summary>
public static class AttackedPoints
{
    /// <param name="defensePredictions">The defense's labels of <paramref name="test"/> (needed when <paramref name="requireCorrect"/>).</param>
    /// <returns>Indices into the test set, int64 [≤ N], ascending.</returns>
    public static Tensor Select(LabeledImages test, int count, bool requireCorrect, Tensor? defensePredictions)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "attacked points must be >= 1.");
        if (!requireCorrect) return arange(Math.Min(count, test.Count), dtype: int64);
        if (defensePredictions is null) throw new ArgumentNullException(nameof(defensePredictions), "the oracle adversary attacks points the defense classifies correctly: predictions are required.");
        using var scope = NewDisposeScope();
        var correct = defensePredictions.cpu().eq(test.Labels).nonzero().flatten();
        return correct.narrow(0, 0, Math.Min(count, correct.shape[0])).MoveToOuterDisposeScope();
    }

    /// <summary>Clean accuracy: fraction of answers equal to the true label; a Reject counts as an error.</summary>
    public static double CleanAccuracy(Tensor predictions, Tensor labels)
    {
        using var scope = NewDisposeScope();
        return predictions.shape[0] == 0 ? 0 : predictions.cpu().eq(labels.cpu()).to_type(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>Every answer of <paramref name="predictions"/> that is a Reject.</summary>
    public static long Rejects(Tensor predictions) => predictions.eq(Labels.Reject).sum().item<long>();
}
