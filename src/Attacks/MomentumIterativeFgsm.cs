using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Dong et al. 2018 — momentum iterative FGSM, with the shared iterative-step defaults and decay μ 1.0.</summary>
public sealed record MomentumIterativeFgsmOptions : IterativeStepOptions
{
    /// <summary>Decay μ of the accumulated gradient.</summary>
    public double Decay { get; init; } = 1.0;
}

/// <summary>Dong et al. 2018 — g ← μ·g + ∇L/‖∇L‖₁; x ← clip(Π_ε(x + α·sign g)) (L2: α·g/‖g‖₂).</summary>
public sealed class MomentumIterativeFgsm(MomentumIterativeFgsmOptions options)
    : IterativeAttack(options.Steps, options.BatchSize, options.Loss)
{
    public MomentumIterativeFgsmOptions Options => options;
    public override string Id => AttackIds.MomentumIterativeFgsm;

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state)
    {
        var normalised = gradient / Distortion.PerExample(Distortion.L1(gradient).clamp_min(1e-12));
        var velocity = state.Velocity is null ? normalised : options.Decay * state.Velocity + normalised;
        state.Velocity = velocity;
        return x + options.StepFor(batch.Epsilon) * Distortion.SteepestAscent(velocity, batch.Norm);
    }
}
