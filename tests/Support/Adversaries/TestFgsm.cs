using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Adversaries;

/// <summary>Goodfellow et al. 2015 FGSM, only for tests until the attacks project's lands.</summary>
public sealed class TestFgsm : IAttack
{
    public string Id => "test-fgsm";

    public AttackResult Run(IClassifier model, Tensor images, Tensor labels, AttackGoal goal, Generator generator)
    {
        using var scope = NewDisposeScope();
        var x = images.detach().clone().requires_grad_(true);
        var logits = model.Logits(x);
        var loss = goal.Targeted
            ? -nn.functional.cross_entropy(logits, goal.Targets!.to(logits.device))
            : nn.functional.cross_entropy(logits, labels.to(logits.device));
        var gradient = autograd.grad([loss], [x])[0];
        var adversarial = (images + goal.Epsilon * gradient.sign().to(images.device)).clamp(0, 1).detach();
        Tensor success;
        using (no_grad())
        {
            var predicted = model.Logits(adversarial).argmax(1).cpu();
            success = goal.Targeted ? predicted.eq(goal.Targets!.cpu()) : predicted.ne(labels.cpu());
        }
        var delta = (adversarial - images).flatten(1);
        var result = new AttackResult(adversarial, success,
            delta.ne(0).sum(1).to_type(ScalarType.Float32), delta.abs().sum(1), delta.norm(1, false, 2), delta.abs().amax(1),
            ones(images.shape[0], dtype: int64));
        foreach (var t in new[] { result.Adversarial, result.Success, result.L0, result.L1, result.L2, result.Linf, result.Iterations })
            t.MoveToOuterDisposeScope();
        return result;
    }
}
