using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// Per-batch state of a stateful update rule (MIM's accumulated gradient). Set it from inside
/// <see cref="IterativeAttack.Step"/>; the previous tensor is released.
/// </summary>
public sealed class IterationState : IDisposable
{
    private Tensor? velocity;

    /// <summary>Zero-based iteration the current step computes.</summary>
    public int Iteration { get; internal set; }

    public Tensor? Velocity
    {
        get => velocity;
        set
        {
            var previous = velocity;
            velocity = value?.MoveToOuterDisposeScope();
            if (previous is not null && !ReferenceEquals(previous, velocity)) previous.Dispose();
        }
    }

    public void Dispose() => velocity?.Dispose();
}
