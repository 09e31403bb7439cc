using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Testing.Conformance;

namespace MyAttack.Tests;

/// <summary>
/// The framework's own attack conformance suite (the one every built-in attack passes), run against this plug-in
/// as the robustness tool will load it: through its registration module, with its default options.
/// </summary>
[TestFixture]
public sealed class MyAttackConformanceTests : AttackConformanceSuite
{
    protected override IAttack CreateAttack() =>
        new ServiceCollection().AddPluginModules(typeof(MyAttackModule).Assembly).BuildServiceProvider()
            .GetRequiredKeyedService<IAttack>(MyAttack.AttackId);

    protected override string? ExpectedId => MyAttack.AttackId;
}
