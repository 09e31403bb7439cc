namespace Robustness.Pruning.Sparse;

/// <summary>RigL settings (Evci et al., "Rigging the Lottery: Making All Tickets Winners", 2020).</summary>
/// <param name="UpdateFraction">α: fraction of each layer's active weights replaced at the first update (cosine-decayed).</param>
/// <param name="UpdateInterval">ΔT: optimizer steps between drop-and-grow updates.</param>
/// <param name="StopFraction">Updates stop after this fraction of all steps (T_end).</param>
public sealed record RigLOptions(double UpdateFraction = 0.3, int UpdateInterval = 50, double StopFraction = 0.75)
{
    public void Validate()
    {
        if (!(UpdateFraction is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(UpdateFraction), UpdateFraction, "RigL updateFraction must be in [0, 1]");
        if (UpdateInterval < 1) throw new ArgumentOutOfRangeException(nameof(UpdateInterval), UpdateInterval, "RigL updateInterval must be >= 1");
        if (!(StopFraction is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(StopFraction), StopFraction, "RigL stopFraction must be in (0, 1]");
    }

    /// <summary>f(t) = α/2 · (1 + cos(π t / T_end)): the fraction replaced at step t (0 from T_end on).</summary>
    public double FractionAt(long step, long totalSteps)
    {
        var end = StopFraction * totalSteps;
        return step >= end ? 0 : UpdateFraction / 2 * (1 + Math.Cos(Math.PI * step / end));
    }
}
