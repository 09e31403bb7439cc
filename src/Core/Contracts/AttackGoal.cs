using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

public enum NormKind { Linf, L2 }

/// <summary>
/// What an attack aims for: untargeted (leave the true label) or targeted (reach <see cref="Targets"/>),
/// under a norm bound <see cref="Epsilon"/> where the attack is bounded (C&amp;W and EAD are not).
/// </summary>
public sealed record AttackGoal(bool Targeted, NormKind Norm, double Epsilon, Tensor? Targets = null)
{
    public static AttackGoal Untargeted(double epsilon, NormKind norm = NormKind.Linf) => new(false, norm, epsilon);

    public static AttackGoal TargetedAt(Tensor targets, double epsilon, NormKind norm = NormKind.Linf) =>
        new(true, norm, epsilon, targets);
}
