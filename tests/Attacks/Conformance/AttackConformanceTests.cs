using Robustness.Attacks.Tests.Support;
using Robustness.Core.Contracts;
using Robustness.Testing.Conformance;

namespace Robustness.Attacks.Tests.Conformance;

/// <summary>Every built-in attack, at test-sized budgets, through the suite the Robustness.Testing package ships to plug-in authors.</summary>
[TestFixtureSource(typeof(AttackIds), nameof(AttackIds.All))]
[NonParallelizable]
public sealed class AttackConformanceTests(string attackId) : AttackConformanceSuite
{
    protected override IAttack CreateAttack() => TestAttacks.Create(attackId, Epsilon);

    protected override bool Bounded => attackId is not (AttackIds.CarliniWagnerL2 or AttackIds.ElasticNet);

    protected override string? ExpectedId => attackId;
}
