using System.Security.Cryptography;
using Robustness.Evaluation.Tests.Support;
using TempDirectory = Robustness.Testing.TempDirectory;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>
/// Bad input to the grid commands — a run name that is not one folder name, an unknown id or field in the config, a
/// device that does not exist, a dll that is no plug-in — is one `error:` line, exit code 2, and nothing written or deleted.
/// </summary>
public sealed class InputValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [TestCase("evaluate", "..")]
    [TestCase("evaluate", ".")]
    [TestCase("report", "..")]
    [TestCase("report", ".")]
    [TestCase("evaluate", "runs/one")]
    public void RunName_NotOneFolderName_ExitTwoNamingTheOptionAndNothingDeleted(string command, string run)
    {
        using var grid = new PluginGrid("0");
        // The defaults: the store in results/, reports in reports/, both under the working directory.
        File.WriteAllText(Path.Combine(grid.Root, "notes.txt"), "the user's own file");
        Directory.CreateDirectory(Path.Combine(grid.Root, "reports", "earlier-run"));
        File.WriteAllText(Path.Combine(grid.Root, "reports", "earlier-run", "report.md"), "an earlier run's report");
        var before = Snapshot(grid.Root);
        string[] args = command == "evaluate"
            ? ["evaluate", "--config", grid.ConfigPath, "--data", grid.DataRoot, "--plugin", BuiltArtifacts.SamplePlugin, "--artefacts", Path.Combine(grid.Root, "artefacts"), "--run", run]
            : ["report", "--run", run];

        var result = CliProcess.Run(grid.Root, Timeout, args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain("--run").And.Contain($"'{run}'"));
            Assert.That(Snapshot(grid.Root), Is.EqualTo(before), "nothing created, changed or deleted");
        });
    }

    [Test]
    public void Evaluate_ConfigNamesAnUnregisteredDefense_ExitTwoWithTheClosestIdAndNoStore()
    {
        using var grid = new PluginGrid("0");
        File.WriteAllText(grid.ConfigPath, File.ReadAllText(grid.ConfigPath).Replace("\"sample-blur\"", "\"sample-blurr\"", StringComparison.Ordinal));
        var store = Path.Combine(grid.Root, "r.db");

        var result = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(store, Path.Combine(grid.Root, "reports")));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.Contain("'sample-blurr'").And.Contain("did you mean 'sample-blur'"));
            Assert.That(File.Exists(store), Is.False, "rejected when the config loads, before any cell fails");
        });
    }

    [TestCase("\"attackedPoints\"", "\"attackedPoint\"", "did you mean 'attackedPoints'")]
    [TestCase("\"seeds\": [0]", "\"seeds\": [-1]", "'seeds'")]
    [TestCase("\"attackedPoints\": 100", "\"attackedPoints\": 1000000000", "exceeds the 500 test images")]
    [TestCase("\"profile\": \"smoke\"", "\"profile\": \"smoek\"", "did you mean 'smoke'")]
    public void Plan_MalformedConfig_ExitTwoOneLineNamingTheField(string original, string replacement, string expected)
    {
        using var grid = new PluginGrid("0");
        var text = File.ReadAllText(grid.ConfigPath);
        Assume.That(text, Does.Contain(original));
        File.WriteAllText(grid.ConfigPath, text.Replace(original, replacement, StringComparison.Ordinal));
        var cells = Path.Combine(grid.Root, "cells.json");

        var result = CliProcess.Run(grid.Root, Timeout, grid.Command("plan", Path.Combine(grid.Root, "r.db"), Path.Combine(grid.Root, "reports"), "--out", cells));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain(expected).And.Contain(grid.ConfigPath));
            Assert.That(File.Exists(cells), Is.False);
        });
    }

    [Test]
    public void Evaluate_DeviceThatDoesNotExist_ExitTwoBeforeTheStoreIsCreated()
    {
        using var grid = new PluginGrid("0");
        var store = Path.Combine(grid.Root, "r.db");

        var result = CliProcess.Run(grid.Root, Timeout, grid.Command("evaluate", store, Path.Combine(grid.Root, "reports"), "--device", "tpu"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain("--device tpu"));
            Assert.That(File.Exists(store), Is.False, "no store created and no run registered for a run that cannot start");
        });
    }

    [Test]
    public void List_PluginDllWithoutAPluginModule_ExitTwoNamingTheFile()
    {
        using var temp = new TempDirectory();
        var notAPlugin = typeof(TempDirectory).Assembly.Location; // a valid .NET assembly with no IPluginModule

        var result = CliProcess.Run(temp.Path, Timeout, "list", "--plugin", notAPlugin);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
            Assert.That(result.Stderr, Does.StartWith("error:").And.Contain(notAPlugin).And.Contain("no IPluginModule"));
        });
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "dir");
}
