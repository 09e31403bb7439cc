using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Success rules of the protocol. Untargeted success: prediction ≠ true label and ≠ Reject. Targeted success:
/// prediction = target. A Reject on an adversarial example is therefore always a defense success.
/// Defense accuracy = 1 − success rate.
/// </summary>
public static class TransferScoring
{
    /// <returns>bool [N]: the attack succeeded against the defense on each example.</returns>
    public static Tensor Success(Tensor predictions, Tensor trueLabels, Tensor? targets)
    {
        using var scope = NewDisposeScope();
        var p = predictions.cpu();
        var success = targets is null
            ? p.ne(trueLabels.cpu()).logical_and(p.ne(Labels.Reject))
            : p.eq(targets.cpu());
        return success.MoveToOuterDisposeScope();
    }

    public static double DefenseAccuracy(IReadOnlyList<bool> success) =>
        success.Count == 0 ? double.NaN : 1.0 - (double)success.Count(s => s) / success.Count;

    /// <summary>δ = defense accuracy of the defended cell − that of the vanilla backbone under the same adversary, attack and q.</summary>
    public static double Delta(CellResult defended, CellResult vanilla)
    {
        var a = defended.Cell;
        var b = vanilla.Cell;
        if (a.Dataset != b.Dataset || a.Profile != b.Profile || a.Adversary != b.Adversary || a.Attack != b.Attack
            || a.Q != b.Q || a.Targeted != b.Targeted || a.Seed != b.Seed || a.Epsilon != b.Epsilon || a.QueryBudget != b.QueryBudget)
            throw new ArgumentException($"δ compares cells that differ only in the defense: got {a} and {b}.");
        return defended.DefenseAccuracy - vanilla.DefenseAccuracy;
    }
}
