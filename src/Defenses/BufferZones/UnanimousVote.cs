using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Defenses.BufferZones;

/// <summary>The BUZz decision rule: the common label when every member agrees, else <see cref="Labels.Reject"/>.</summary>
public static class UnanimousVote
{
    /// <param name="memberLabels">int64 [M,N]: each member's label for each image.</param>
    /// <returns>int64 [N].</returns>
    public static Tensor Decide(Tensor memberLabels)
    {
        if (memberLabels.dim() != 2 || memberLabels.shape[0] < 1)
            throw new ArgumentException($"member labels must be [M,N] with M >= 1, got [{string.Join(",", memberLabels.shape)}]", nameof(memberLabels));
        using var scope = NewDisposeScope();
        var first = memberLabels[0];
        var unanimous = memberLabels.eq(first.unsqueeze(0)).all(0);
        return where(unanimous, first, full_like(first, Labels.Reject)).MoveToOuterDisposeScope();
    }
}
