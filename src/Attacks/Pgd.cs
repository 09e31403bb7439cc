using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>Madry et al. 2018 — projected gradient descent with a random start in the ε-ball, one start by default.</summary>
public sealed record PgdOptions : IterativeStepOptions
{
    public bool RandomStart { get; init; } = true;

    /// <summary>Random restarts; an example keeps the first restart that fools the model.</summary>
    public int Restarts { get; init; } = 1;
}

/// <summary>Madry et al. 2018 — x₀ uniform in the ε-ball; x ← clip(Π_ε(x + α·sign ∇L)); best of the restarts.</summary>
public sealed class Pgd(PgdOptions options)
    : IterativeAttack(options.Steps, options.BatchSize, options.Loss, options.Restarts)
{
    public PgdOptions Options => options;
    public override string Id => AttackIds.Pgd;

    protected override Tensor Start(AttackBatch batch) =>
        options.RandomStart ? RandomInBall(batch) : batch.Images.alias();

    protected override Tensor Step(AttackBatch batch, Tensor x, Tensor gradient, IterationState state) =>
        x + options.StepFor(batch.Epsilon) * Distortion.SteepestAscent(gradient, batch.Norm);
}
