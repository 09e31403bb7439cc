using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Goodfellow et al. 2015 — one step of size ε along the steepest-ascent direction of the norm.</summary>
public sealed class Fgsm(FgsmOptions options) : IterativeAttack(1, options.BatchSize, options.Loss)
{
    public FgsmOptions Options => options;
    public override string Id => AttackIds.Fgsm;

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        x + batch.Epsilon * Distortion.SteepestAscent(gradient, batch.Norm);
}
