namespace Robustness.Core.Contracts;

/// <summary>
/// A defense as configured (the estimator): its options are bound and validated when it is created for a profile
/// (<see cref="DefenseFactory"/>), so its <see cref="Traits"/> are known before anything is trained.
/// <see cref="Fit"/> trains (or loads) what the defense needs and returns the fitted defense; the estimator itself
/// holds no trained state and can be fitted again, on another context, without affecting earlier results.
/// Registered by a kebab-case id; the harness reads <see cref="Traits"/>, never the type.
/// </summary>
public interface IDefense
{
    string Id { get; }

    /// <summary>Fixed by the configuration; the fitted defense reports the same traits.</summary>
    DefenseTraits Traits { get; }

    /// <summary>
    /// Trains (or loads from the artefact store) everything the defense needs. Resumable. The caller owns the result.
    /// Train networks through <see cref="DefenseContext.TrainOrLoad{T}"/>, which seeds them.
    /// </summary>
    IFittedDefense Fit(DefenseContext context);
}
