using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks;

/// <summary>
/// One batch under attack: the model, clean images, true labels, targets (targeted goals), the goal and the
/// seeded generator. Views of the caller's tensors; never dispose them.
/// </summary>
public sealed class AttackBatch(IClassifier model, Tensor images, Tensor labels, Tensor? targets, AttackGoal goal, Generator generator)
{
    public IClassifier Model => model;
    public Tensor Images => images;
    public Tensor Labels => labels;
    public AttackGoal Goal => goal;
    public Generator Generator => generator;
    public bool Targeted => goal.Targeted;
    public double Epsilon => goal.Epsilon;
    public NormKind Norm => goal.Norm;
    public long Count => images.shape[0];

    /// <summary>The label the objective refers to: the target when targeted, else the true label.</summary>
    public Tensor GoalLabels => targeted ? targets! : labels;

    private readonly bool targeted = goal.Targeted;

    /// <summary>Uniform noise in [low, high) shaped like the images, drawn from the batch generator.</summary>
    public Tensor Uniform(double low, double high) =>
        (rand(images.shape, generator: generator) * (high - low) + low).to(images.device);

    /// <summary>Standard normal noise shaped like the images, drawn from the batch generator.</summary>
    public Tensor Normal() => randn(images.shape, generator: generator).to(images.device);

    /// <summary>Uniform per-example values in [0,1) [N], drawn from the batch generator.</summary>
    public Tensor UniformPerExample() => rand(new[] { Count }, generator: generator).to(images.device);

    /// <summary>
    /// Gradient of the goal's ascent objective with respect to <paramref name="x"/> only, through
    /// torch.autograd.grad: the model's parameters never receive a gradient.
    /// </summary>
    public Tensor AscentGradient(Tensor x, AttackLoss loss)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var input = x.detach().requires_grad_(true);
        var objective = Objectives.Ascent(LogitsOf(input), GoalLabels, targeted, loss).sum();
        return autograd.grad([objective], [input])[0].detach().MoveToOuterDisposeScope();
    }

    /// <summary>The model's logits on the images' device (a model on another device answers there).</summary>
    public Tensor LogitsOf(Tensor x)
    {
        var logits = model.Logits(x);
        return logits.device == images.device ? logits : logits.to(images.device);
    }

    /// <summary>bool [N]: the model's prediction on <paramref name="x"/> meets the goal.</summary>
    public Tensor Succeeds(Tensor x)
    {
        using var noGrad = no_grad();
        return Objectives.Success(LogitsOf(x), GoalLabels, targeted);
    }
}
