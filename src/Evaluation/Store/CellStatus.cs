namespace Robustness.Evaluation.Store;

public enum CellStatus
{
    /// <summary>Measured.</summary>
    Ok,
    /// <summary>The cell threw (a plug-in, a missing component); the error is stored and reported.</summary>
    Failed,
    /// <summary>The cell does not apply (e.g. a white-box cell on a defense without a gradient path).</summary>
    NotApplicable,
}
