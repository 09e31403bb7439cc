namespace Robustness.Evaluation.Grid;

/// <summary>How far a nightly run may fall below its baseline before it counts as a regression.</summary>
public sealed record NightlyTolerances
{
    /// <summary>Absolute drop allowed in clean accuracy.</summary>
    public double CleanAccuracy { get; init; } = 0.02;

    /// <summary>Absolute drop allowed in defense accuracy (transfer, white-box and noise cells).</summary>
    public double DefenseAccuracy { get; init; } = 0.03;

    /// <summary>A cell that succeeded in the baseline and fails now is a regression.</summary>
    public bool FailureIsRegression { get; init; } = true;
}
