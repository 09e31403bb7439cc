using Robustness.Core.Contracts;

namespace Robustness.Defenses.Vanilla;

/// <summary>No defense: the backbone's arg-max. Every defense is compared with it under the same adversary.</summary>
public sealed class VanillaDefense : IDefense
{
    public string Id => DefenseIds.Vanilla;

    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: false, Differentiable: true, ForwardPassesPerQuery: 1);

    public FittedVanillaDefense Fit(DefenseContext context) => new(Traits, VanillaBackbone.Fit(context));

    IFittedDefense IDefense.Fit(DefenseContext context) => Fit(context);
}
