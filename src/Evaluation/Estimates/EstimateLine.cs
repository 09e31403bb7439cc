namespace Robustness.Evaluation.Estimates;

/// <summary>
/// One kind of work in an estimate: how many units (cells, or trainings) the grid has, how many are done, and the
/// predicted seconds of the rest, split by where the number came from (a recorded timing, or the built-in model).
/// </summary>
internal sealed record EstimateLine(string Kind, int Count, int Done, int Measured, int Modelled, double MeasuredSeconds, double ModelledSeconds)
{
    public int Remaining => Count - Done;
    public double Seconds => MeasuredSeconds + ModelledSeconds;
}
