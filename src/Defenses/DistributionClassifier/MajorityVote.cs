using static TorchSharp.torch;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>The baseline rule of randomised-transformation defenses: the most frequent arg-max over the N copies (ties → lowest label).</summary>
public static class MajorityVote
{
    /// <param name="probabilities">[B,N,K].</param>
    /// <returns>int64 [B].</returns>
    public static Tensor Decide(Tensor probabilities)
    {
        using var scope = NewDisposeScope();
        var classes = probabilities.shape[2];
        var votes = nn.functional.one_hot(probabilities.argmax(2), classes).sum(new long[] { 1 });   // [B,K]
        return votes.argmax(1).MoveToOuterDisposeScope();
    }
}
