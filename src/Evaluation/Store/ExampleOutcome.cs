namespace Robustness.Evaluation.Store;

/// <summary>One scored test point of a cell.</summary>
/// <param name="Index">Position of the point in the test set.</param>
/// <param name="Target">Targeted goals: the target label; otherwise -1.</param>
/// <param name="Success">The adversary reached its goal (clean cells: the defense was wrong or rejected).</param>
/// <param name="Rejected">The defense answered Reject.</param>
/// <param name="SurrogateSuccess">Transfer cells: the attack succeeded on the adversary's own surrogate.</param>
public sealed record ExampleOutcome(
    int Index, long Label, long Prediction, long Target, bool Success, bool Rejected,
    double L2 = 0, double Linf = 0, bool? SurrogateSuccess = null);
