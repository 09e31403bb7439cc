using System.IO.Compression;
using System.Runtime.InteropServices;
using Robustness.Core.Data;
using Robustness.Testing;

namespace Robustness.Packaging.Tests;

/// <summary>
/// The researcher's path, offline, from the packages alone: pack every package into a temporary folder, install the
/// tool and the templates from it (temporary tool path, CLI home and packages folder: nothing on the machine
/// changes), create a defense from the template, run its conformance tests, score it in a smoke grid with the
/// installed tool, and build samples/ExternalDefense against the same packages. Restores read only the temporary
/// folder and, as a read-only fallback, the machine's NuGet cache. About 6–10 minutes on 2 busy cores.
/// </summary>
[Category("Packaging")]
[NonParallelizable]
public sealed class ResearcherPathTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    [Test]
    public void PackInstallTemplateTestAndEvaluate_NewDefenseRowInTheReport()
    {
        using var temp = new TempDirectory();
        var root = temp.Path;
        var packages = Directory.CreateDirectory(Path.Combine(root, "packages")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var dotnet = new DotnetProcess(Path.Combine(root, "home"), Path.Combine(root, "nuget"));
        WriteNuGetConfig(work, packages);

        dotnet.Run(BuildInfo.RepositoryRoot, StepTimeout, "dotnet", "pack", "Robustness.sln", "-c", BuildInfo.Configuration, "--no-build",
            $"-p:PackageOutputPath={packages}", $"-p:ToolRuntimes={RuntimeInformation.RuntimeIdentifier}");
        var version = PackedVersion(packages);
        Assert.That(Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName), Is.SupersetOf(
            new[] { "Robustness.Core", "Robustness.Attacks", "Robustness.Defenses", "Robustness.Pruning", "Robustness.Evaluation",
                    "Robustness.Testing", "Robustness.Templates", "robustness" }.Select(id => $"{id}.{version}.nupkg")));
        AssertLibraryPackageContents(Path.Combine(packages, $"Robustness.Core.{version}.nupkg"), "Robustness.Core");

        var tools = Path.Combine(root, "tools");
        dotnet.Run(work, StepTimeout, "dotnet", "tool", "install", "robustness", "--tool-path", tools, "--version", version);
        dotnet.Run(work, StepTimeout, "dotnet", "new", "install", Path.Combine(packages, $"Robustness.Templates.{version}.nupkg"));
        dotnet.Run(work, StepTimeout, "dotnet", "new", "robustness-defense", "-n", "MyDefense");
        var project = Path.Combine(work, "MyDefense");
        var tests = dotnet.Run(project, StepTimeout, "dotnet", "test", "-c", "Release");
        Assert.That(tests, Does.Contain("Passed!").And.Contain("Failed:     0"), "the conformance suite must be green");

        var data = Path.Combine(root, "data");
        WriteLearnableFashionMnist(data);
        var robustness = Path.Combine(tools, "robustness");
        var plugin = Path.Combine(project, "src", "bin", "Release", "net10.0", "MyDefense.dll");
        dotnet.Run(project, StepTimeout, robustness, "evaluate", "--config", "smoke-grid.json", "--plugin", plugin,
            "--data", data, "--artefacts", Path.Combine(root, "artefacts"), "--store", Path.Combine(root, "results.db"),
            "--reports", Path.Combine(root, "reports"));
        var report = File.ReadAllText(Path.Combine(root, "reports", "mydefense-smoke-smoke", "report.md"));
        Assert.That(report.Split('\n').Where(l => l.Contains("| pure-blackbox |", StringComparison.Ordinal) && l.Contains("| mydefense |", StringComparison.Ordinal)),
            Is.Not.Empty, "the new defense's transfer row is missing from the report:\n" + report);

        var sample = CopySample(work);
        dotnet.Run(sample, StepTimeout, "dotnet", "build", "-c", "Release", $"-p:RobustnessVersion={version}");

        TestContext.Out.WriteLine($"total {TimeSpan.FromTicks(dotnet.Steps.Sum(s => s.Took.Ticks)).TotalSeconds:F0} s");
    }

    private static void WriteNuGetConfig(string folder, string packages)
    {
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="robustness-local" value="{packages}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private static string PackedVersion(string packages)
    {
        var core = Directory.GetFiles(packages, "Robustness.Core.*.nupkg").Select(Path.GetFileNameWithoutExtension).Single();
        return core!["Robustness.Core.".Length..];
    }

    private static void AssertLibraryPackageContents(string nupkg, string id)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        using var reader = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain($"lib/net10.0/{id}.xml"), "XML documentation");
            Assert.That(entries, Does.Contain("README.md"));
            Assert.That(entries, Does.Contain($"buildTransitive/{id}.targets"), "the native patch for consumers");
            Assert.That(nuspec, Does.Contain("<license type=\"expression\">").And.Contain("<repository type=\"git\""));
            Assert.That(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), Is.True, "symbols package");
        });
    }

    /// <summary>Fashion-MNIST files (IDX, gzip) of the separable smoke problem, so clean accuracy is meaningful.</summary>
    private static void WriteLearnableFashionMnist(string root)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "fashion-mnist")).FullName;
        foreach (var (prefix, heldOut) in new[] { ("train", false), ("t10k", true) })
        {
            using var images = heldOut ? SyntheticData.CreateHeldOut(DatasetInfo.FashionMnist, 600, seed: 7) : SyntheticData.Create(DatasetInfo.FashionMnist, 600, seed: 7);
            var pixels = images.Images.mul(255).round().to(TorchSharp.torch.ScalarType.Byte).data<byte>().ToArray();
            var labels = images.Labels.to(TorchSharp.torch.ScalarType.Byte).data<byte>().ToArray();
            WriteGzip(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), DatasetFiles.Idx(2051, [images.Count, 28, 28], pixels));
            WriteGzip(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), DatasetFiles.Idx(2049, [images.Count], labels));
        }
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }

    /// <summary>samples/ExternalDefense without its own NuGet.config, so the folder's config (the packed packages) applies.</summary>
    private static string CopySample(string work)
    {
        var source = Path.Combine(BuildInfo.RepositoryRoot, "samples", "ExternalDefense");
        var target = Directory.CreateDirectory(Path.Combine(work, "ExternalDefense")).FullName;
        foreach (var file in Directory.GetFiles(source).Where(f => !Path.GetFileName(f).Equals("NuGet.config", StringComparison.OrdinalIgnoreCase)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
