using Robustness.Core.Data;

namespace Robustness.Core.Contracts;

/// <summary>
/// Options of a registered defense. <see cref="DefenseRegistration"/> validates them once at registration (the
/// defaults) and once when it binds a profile's section over them (<see cref="DefenseFactory.Create"/>), never in Fit.
/// </summary>
public interface IDefenseOptions
{
    /// <summary>Throws one clear error naming the field at fault.</summary>
    /// <param name="section">The profile section the options are bound from, e.g. "defenses.buzz-8".</param>
    /// <param name="dataset">The profile's dataset when it is a known one; null for the registration defaults.</param>
    void Validate(string section, DatasetInfo? dataset);
}
