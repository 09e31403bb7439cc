using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Testing.Conformance;

namespace MyDefense.Tests;

/// <summary>
/// The framework's own defense conformance suite (the one every built-in defense passes), run against this
/// plug-in as the robustness tool will load it: through its registration module.
/// </summary>
[TestFixture]
public sealed class MyDefenseConformanceTests : DefenseConformanceSuite
{
    protected override IDefense CreateDefense(DatasetProfile profile) =>
        new ServiceCollection().AddPluginModules(typeof(MyDefenseModule).Assembly).BuildServiceProvider()
            .GetRequiredKeyedService<DefenseFactory>(MyDefense.DefenseId).Create(profile);

    protected override string? ExpectedId => MyDefense.DefenseId;
}
