using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>The adversary's only access to a defense: Predict, with every queried image and every Reject counted.</summary>
internal sealed class CountingOracle(IFittedDefense defense)
{
    public long Queries { get; private set; }
    public long Rejected { get; private set; }
    public long ForwardPasses => Queries * defense.Traits.ForwardPassesPerQuery;

    /// <summary>The defense's labels [N] (int64, CPU) for <paramref name="images"/>; Reject = -1.</summary>
    public Tensor Label(Tensor images)
    {
        var n = images.shape[0];
        if (n == 0) return empty(0, dtype: int64);
        using var scope = NewDisposeScope();
        var labels = defense.Predict(images).cpu().to_type(ScalarType.Int64);
        if (labels.dim() != 1 || labels.shape[0] != n)
            throw new InvalidOperationException($"defense '{defense.Id}': Predict returned shape [{string.Join(",", labels.shape)}] for {n} images; expected [{n}].");
        Queries += n;
        Rejected += labels.eq(Labels.Reject).sum().item<long>();
        return labels.MoveToOuterDisposeScope();
    }
}
