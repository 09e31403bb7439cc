using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>Per-example output of an attack; owns its tensors.</summary>
/// <param name="Adversarial">Adversarial images [N,C,H,W] in [0,1].</param>
/// <param name="Success">bool [N]: the attacked model's prediction meets the goal.</param>
/// <param name="L0">Changed pixels (any channel) per example [N].</param>
/// <param name="Iterations">int64 [N]: iterations each example used (early stop shows here).</param>
public sealed record AttackResult(
    Tensor Adversarial, Tensor Success, Tensor L0, Tensor L1, Tensor L2, Tensor Linf, Tensor Iterations) : IDisposable
{
    public void Dispose()
    {
        foreach (var t in new[] { Adversarial, Success, L0, L1, L2, Linf, Iterations }) t.Dispose();
    }
}
