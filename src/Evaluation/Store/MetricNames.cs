namespace Robustness.Evaluation.Store;

/// <summary>Keys of <see cref="CellOutcome.Metrics"/>; reports and nightly comparisons read these.</summary>
public static class MetricNames
{
    /// <summary>Clean cells: correct answers / points (a Reject is an error).</summary>
    public const string CleanAccuracy = "clean-accuracy";
    /// <summary>Clean cells: rejected clean points / points.</summary>
    public const string FalseRejectionRate = "false-rejection-rate";
    /// <summary>Attack and noise cells: 1 − success rate.</summary>
    public const string DefenseAccuracy = "defense-accuracy";
    public const string SuccessRate = "success-rate";
    public const string RejectRate = "reject-rate";
    /// <summary>Transfer cells: white-box success of the attack on the adversary's own surrogate.</summary>
    public const string SurrogateSuccessRate = "surrogate-success-rate";
    /// <summary>Oracle queries the adversary spent (0 for pure black-box).</summary>
    public const string Queries = "queries";
    public const string MeanL2 = "mean-l2";
    public const string MeanLinf = "mean-linf";
    /// <summary>The ε the cell actually used (after scaling).</summary>
    public const string Epsilon = "epsilon";
    public const string Points = "points";
}
