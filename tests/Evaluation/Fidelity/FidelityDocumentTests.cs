using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;

namespace Robustness.Evaluation.Tests.Fidelity;

public sealed class FidelityDocumentTests
{
    [Test]
    public void CommittedDocument_EqualsTheTextGeneratedFromTheCatalogAndProfiles()
    {
        var path = Path.Combine(RepositoryRoot(), FidelityDocument.RelativePath);
        var generated = FidelityDocument.Render(FidelityCatalog.Default(), ProfileCatalog.Default());
        Assert.That(File.Exists(path), Is.True, $"{FidelityDocument.RelativePath} is missing: run `{FidelityDocument.RegenerateCommand}`.");
        Assert.That(File.ReadAllText(path), Is.EqualTo(generated),
            $"{FidelityDocument.RelativePath} is stale (fidelity.json or profiles.json changed): run `{FidelityDocument.RegenerateCommand}` and commit it.");
    }

    [Test]
    public void Render_EveryComponent_HasASummaryRowAndASection()
    {
        var catalog = FidelityCatalog.Default();
        var text = FidelityDocument.Render(catalog, ProfileCatalog.Default());
        Assert.Multiple(() =>
        {
            foreach (var c in catalog.Components)
            {
                Assert.That(text, Does.Contain($"| {c.Kind} | [{c.Id}](#{c.Kind}-{c.Id}) |"), $"summary row of {c.Kind} {c.Id}");
                Assert.That(text, Does.Contain($"\n### {c.Kind} {c.Id}\n"), $"section of {c.Kind} {c.Id}");
            }
        });
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Robustness.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Robustness.sln not found above " + AppContext.BaseDirectory);
    }
}
