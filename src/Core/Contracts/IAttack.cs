using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>A white-box attack on a differentiable model. Never changes the model's parameters.</summary>
public interface IAttack
{
    string Id { get; }

    /// <summary>Attacks a batch. <paramref name="generator"/> is the only source of randomness.</summary>
    AttackResult Run(IClassifier model, Tensor images, Tensor labels, AttackGoal goal, Generator generator);
}
