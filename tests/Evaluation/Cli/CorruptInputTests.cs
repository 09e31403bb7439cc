using System.Security.Cryptography;
using Robustness.Evaluation.Tests.Support;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>A corrupt results database or config: one clear error, exit code 2, nothing else touched.</summary>
public sealed class CorruptInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Test]
    public void Evaluate_CorruptDatabase_OneErrorNamingItAndNothingTouched()
    {
        using var grid = new PluginGrid();
        var db = Path.Combine(grid.Root, "bad.db");
        File.WriteAllText(db, "definitely not SQLite: a text file someone pointed --store at by mistake");
        var before = Snapshot(grid.Root);

        var result = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(db, Path.Combine(grid.Root, "reports")));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.Contain(db));
            Assert.That(Snapshot(grid.Root), Is.EqualTo(before), "no file created, changed or removed");
        });
    }

    [Test]
    public void Evaluate_CorruptConfig_OneErrorNamingItAndNoStoreCreated()
    {
        using var grid = new PluginGrid();
        File.WriteAllText(grid.ConfigPath, "{ \"name\": \"plugin-grid\", \"q\": [1.0, ");
        var before = Snapshot(grid.Root);

        var result = CliProcess.Run(grid.Root, Timeout, grid.Evaluate(Path.Combine(grid.Root, "new.db"), Path.Combine(grid.Root, "reports")));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.Contain(grid.ConfigPath));
            Assert.That(Snapshot(grid.Root), Is.EqualTo(before));
        });
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
