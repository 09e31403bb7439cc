namespace Robustness.Evaluation.Protocol;

/// <summary>One evaluated cell: the defense's result, the vanilla backbone's under the same adversary (for δ), wall time.</summary>
public sealed record AdversaryRunRow(CellResult Defended, CellResult? Vanilla, double WallSeconds)
{
    /// <summary>δ = defended − vanilla defense accuracy; null when the defense is vanilla itself.</summary>
    public double? Delta => Vanilla is null ? null : TransferScoring.Delta(Defended, Vanilla);
}
