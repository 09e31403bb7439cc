using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Attacks;

/// <summary>
/// A registered attack: its id, type, default options, and how to build it for a dataset profile (section
/// "attacks.&lt;id&gt;" of profiles.json over the defaults), an ε override and an iteration scale.
/// </summary>
public sealed class AttackDefinition
{
    private readonly Func<IAttackOptions, IAttack> create;

    public AttackDefinition(string id, Type attackType, IAttackOptions defaults, Func<IAttackOptions, IAttack> create)
    {
        Id = id;
        AttackType = attackType;
        Defaults = defaults;
        this.create = create;
    }

    public string Id { get; }
    public Type AttackType { get; }
    public IAttackOptions Defaults { get; }

    /// <summary>The section of profiles.json holding this attack's per-profile, per-dataset options.</summary>
    public string SectionName => $"attacks.{Id}";

    /// <summary>The options a profile gives this attack (its section over the defaults), or the defaults.</summary>
    public IAttackOptions Options(DatasetProfile? profile) =>
        profile is null ? Defaults : (IAttackOptions)ReadSection(profile);

    public IAttack Create(DatasetProfile? profile, double? epsilon = null, double iterationScale = 1) =>
        create(Options(profile).Rescaled(epsilon, iterationScale));

    private object ReadSection(DatasetProfile profile)
    {
        var method = typeof(DatasetProfile).GetMethod(nameof(DatasetProfile.Section))!.MakeGenericMethod(Defaults.GetType());
        try
        {
            return method.Invoke(profile, [SectionName, Defaults])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
