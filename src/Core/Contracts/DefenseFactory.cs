using Robustness.Core.Profiles;

namespace Robustness.Core.Contracts;

/// <summary>
/// Creates a registered defense configured for a profile: the profile's "defenses.&lt;id&gt;" section bound over the
/// registration's defaults and validated. Registered under the defense's id as a keyed singleton by
/// <see cref="DefenseRegistration.AddDefense{TDefense,TOptions}"/>.
/// </summary>
public sealed class DefenseFactory(string id, Func<DatasetProfile, IDefense> create)
{
    public string Id => id;

    public IDefense Create(DatasetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return create(profile);
    }
}
