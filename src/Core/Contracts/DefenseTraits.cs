namespace Robustness.Core.Contracts;

/// <summary>What the harness must know about a defense to treat it correctly.</summary>
/// <param name="Randomized">Predict draws randomness: the same input may get different answers.</param>
/// <param name="CanReject">Predict may answer <see cref="Labels.Reject"/>.</param>
/// <param name="Differentiable">A white-box gradient path exists through the whole defense.</param>
/// <param name="ForwardPassesPerQuery">Backbone forward passes one Predict of one image costs.</param>
public sealed record DefenseTraits(bool Randomized, bool CanReject, bool Differentiable, int ForwardPassesPerQuery);
