using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Testing.Conformance;

namespace Robustness.Defenses.Tests.Conformance;

/// <summary>Every registered defense through the suite the Robustness.Testing package ships to plug-in authors.</summary>
[TestFixtureSource(typeof(RegisteredDefenses), nameof(RegisteredDefenses.Ids))]
[NonParallelizable]
public sealed class DefenseConformanceTests(string defenseId) : DefenseConformanceSuite
{
    protected override IDefense CreateDefense(DatasetProfile profile) => RegisteredDefenses.Create(defenseId, profile);

    protected override string? ExpectedId => defenseId;
}
