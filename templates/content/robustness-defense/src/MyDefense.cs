using Robustness.Core.Contracts;
using Robustness.Defenses.Vanilla;

namespace MyDefense;

/// <summary>
/// A starting point: the profile's undefended backbone (trained once and shared with the vanilla baseline through
/// the artefact store) that abstains when it is not confident. The defense is its configuration: options bound from
/// the profile, traits fixed by them. Fit trains (or loads) what it needs and returns the fitted defense.
/// Train your own networks with context.TrainOrLoad(request, create): it seeds, caches and resumes them.
/// </summary>
public sealed class MyDefense(MyDefenseOptions options) : IDefense
{
    public const string DefenseId = "my-defense-id";

    public string Id => DefenseId;

    /// <summary>
    /// Deterministic (the harness may compare repeated answers), may Reject (a Reject on an adversarial example
    /// counts as a defense success, on a clean one as an error), differentiable (white-box checks attack
    /// AsClassifier), one backbone pass per query (the oracle's query cost).
    /// </summary>
    public DefenseTraits Traits { get; } = new(Randomized: false, CanReject: true, Differentiable: true, ForwardPassesPerQuery: 1);

    public IFittedDefense Fit(DefenseContext context) => new FittedMyDefense(Traits, options, VanillaBackbone.Fit(context));
}
