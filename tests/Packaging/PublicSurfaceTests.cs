using System.Reflection;
using Robustness.Core.Contracts;
using Robustness.Testing.Conformance;

namespace Robustness.Packaging.Tests;

/// <summary>
/// The public types each package exposes are an approved list (PublicSurface/&lt;assembly&gt;.txt): adding, removing
/// or renaming a public type is a deliberate change of that file, never an accident of a refactoring.
/// </summary>
public sealed class PublicSurfaceTests
{
    public static IEnumerable<Assembly> PackageAssemblies =>
    [
        typeof(IDefense).Assembly,
        typeof(Robustness.Attacks.AttackFactory).Assembly,
        typeof(Robustness.Defenses.DefenseIds).Assembly,
        typeof(Robustness.Pruning.PruningIds).Assembly,
        typeof(Robustness.Evaluation.Plugins.PluginLoader).Assembly,
        typeof(DefenseConformanceSuite).Assembly,
    ];

    [TestCaseSource(nameof(PackageAssemblies))]
    public void ExportedTypes_MatchTheApprovedList(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var approvedFile = Path.Combine(AppContext.BaseDirectory, "PublicSurface", name + ".txt");
        var approved = File.Exists(approvedFile)
            ? File.ReadAllLines(approvedFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : [];
        var actual = PublicSurface.Of(assembly);
        var added = actual.Except(approved).ToList();
        var removed = approved.Except(actual).ToList();
        Assert.That(added.Count + removed.Count, Is.Zero,
            $"The public surface of {name} changed. If deliberate, update tests/Packaging/PublicSurface/{name}.txt.\n" +
            $"Added: {string.Join(", ", added)}\nRemoved: {string.Join(", ", removed)}\nFull list:\n{string.Join('\n', actual)}");
    }

    [Test]
    public void Of_ReportsPublicTypesOnly()
    {
        var surface = PublicSurface.Of(typeof(IDefense).Assembly);
        Assert.Multiple(() =>
        {
            Assert.That(surface, Does.Contain("Robustness.Core.Contracts.IDefense"));
            Assert.That(surface.Any(t => t.Contains("LibTorchSharpPatcher", StringComparison.Ordinal)), Is.False);
            Assert.That(surface, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        });
    }
}
