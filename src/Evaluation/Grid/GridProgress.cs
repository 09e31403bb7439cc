namespace Robustness.Evaluation.Grid;

/// <summary>Where a grid run stands; <see cref="Current"/> is null between cells.</summary>
/// <param name="Done">Cells finished in this process (computed or failed).</param>
/// <param name="Skipped">Cells found complete in the store and not recomputed.</param>
public sealed record GridProgress(int Total, int Skipped, int Done, int Failed, GridCell? Current, TimeSpan Elapsed)
{
    public int Remaining => Total - Skipped - Done;

    /// <summary>Remaining cells × mean time of the cells computed so far; null before the first one.</summary>
    public TimeSpan? Eta => Done == 0 ? null : TimeSpan.FromTicks(Elapsed.Ticks / Done * Remaining);
}
