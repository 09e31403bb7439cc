using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Attacks;

/// <summary>Creates registered attacks from (id, dataset profile, ε override, iteration scale).</summary>
public sealed class AttackFactory(IEnumerable<AttackDefinition> definitions)
{
    private readonly Dictionary<string, AttackDefinition> byId = definitions.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public IReadOnlyList<string> Ids => byId.Keys.Order(StringComparer.Ordinal).ToList();

    public AttackDefinition Definition(string id) => byId.TryGetValue(id, out var definition) ? definition
        : throw new ArgumentException($"Unknown attack '{id}'. Registered: {string.Join(", ", Ids)}.", nameof(id));

    /// <param name="epsilon">Overrides the profile's ε (bounded attacks; the step size scales along).</param>
    /// <param name="iterationScale">Multiplies the iteration budget (checklist: doubling iterations).</param>
    public IAttack Create(string id, DatasetProfile? profile = null, double? epsilon = null, double iterationScale = 1) =>
        Definition(id).Create(profile, epsilon, iterationScale);

    /// <summary>The profile's ε for a bounded attack; null for C&amp;W and EAD.</summary>
    public double? DefaultEpsilon(string id, DatasetProfile? profile = null) => Definition(id).Options(profile).BoundedEpsilon();

    /// <summary>The options the attack would run with, for manifests and reports.</summary>
    public IAttackOptions Options(string id, DatasetProfile? profile = null, double? epsilon = null, double iterationScale = 1) =>
        Definition(id).Options(profile).Rescaled(epsilon, iterationScale);
}
