using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Kurakin et al. 2017 — basic iterative method (I-FGSM), with the shared iterative-step defaults.</summary>
public sealed record IterativeFgsmOptions : IterativeStepOptions;

/// <summary>Kurakin et al. 2017 — x ← clip(Π_ε(x + α·sign ∇L)), from the clean image, Steps times.</summary>
public sealed class IterativeFgsm(IterativeFgsmOptions options) : IterativeAttack(options.Steps, options.BatchSize, options.Loss)
{
    public IterativeFgsmOptions Options => options;
    public override string Id => AttackIds.IterativeFgsm;

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        x + options.StepFor(batch.Epsilon) * Distortion.SteepestAscent(gradient, batch.Norm);
}
