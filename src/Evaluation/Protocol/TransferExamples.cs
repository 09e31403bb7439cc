using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>Adversarial examples crafted on a surrogate, with what they cost; owns <see cref="Adversarial"/>.</summary>
/// <param name="SurrogateHeldOut">The surrogate's labels of the first held-out test images (for agreement with any oracle).</param>
public sealed record TransferExamples(
    Tensor Adversarial, bool[] WhiteBoxSuccess, float[] L2, float[] Linf, double AttackSeconds,
    string SurrogateArtefact, int SurrogateTrainingSetSize, long Queries, long Rejected, long OracleForwardPasses,
    double SurrogateTrainingSeconds, long[] SurrogateHeldOut, IReadOnlyDictionary<string, string> SurrogateConfig) : IDisposable
{
    /// <summary>The surrogate's training wall time as recorded when it was built (cached or not).</summary>
    public double SurrogateBuildSeconds { get; init; }

    public void Dispose() => Adversarial.Dispose();
}
