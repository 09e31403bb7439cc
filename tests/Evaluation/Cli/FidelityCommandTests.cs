using Robustness.Evaluation.Tests.Support;
using TempDirectory = Robustness.Testing.TempDirectory;

namespace Robustness.Evaluation.Tests.Cli;

/// <summary>`robustness fidelity`: writes the table, checks a committed copy, prints a run's Deviations.</summary>
public sealed class FidelityCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Test]
    public void Check_StaleFile_Exits1NamingTheRegenerateCommand_AndAfterWritingExits0()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "fidelity.md");
        File.WriteAllText(path, "# hand-edited\n");

        var stale = CliProcess.Run(directory.Path, Timeout, "fidelity", "--out", path, "--check");
        var write = CliProcess.Run(directory.Path, Timeout, "fidelity", "--out", path);
        var fresh = CliProcess.Run(directory.Path, Timeout, "fidelity", "--out", path, "--check");

        Assert.Multiple(() =>
        {
            Assert.That(stale.ExitCode, Is.EqualTo(1));
            Assert.That(stale.Stderr, Does.Contain("stale").And.Contain("fidelity --out docs/fidelity.md"));
            Assert.That(write.ExitCode, Is.Zero);
            Assert.That(File.ReadAllText(path), Does.StartWith("# Fidelity"));
            Assert.That(fresh.ExitCode, Is.Zero, fresh.Stderr);
        });
    }

    [Test]
    public void Component_PrintsTheDeviationsOfExactlyThoseComponents()
    {
        using var directory = new TempDirectory();
        var result = CliProcess.Run(directory.Path, Timeout, "fidelity", "--profile", "quick", "--dataset", "fashion-mnist", "--component", "attack:ead");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Contain("| attack ead | quick profile: attacks.ead."));
            Assert.That(result.Stdout, Does.Contain("| backbone fashion-mnist |").And.Not.Contain("| backbone cifar10 |").And.Not.Contain("| attack cw |"));
        });
    }

    [Test]
    public void Component_Malformed_IsOneErrorAndExit2()
    {
        using var directory = new TempDirectory();
        var result = CliProcess.Run(directory.Path, Timeout, "fidelity", "--component", "ead");
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("--component 'ead'"));
        });
    }

    [Test]
    public void Evaluate_PluginDefenseWithoutARow_ReportListsItAsNoReferenceRecorded()
    {
        using var grid = new PluginGrid("0");
        var reports = Path.Combine(grid.Root, "reports");
        var run = CliProcess.Run(grid.Root, TimeSpan.FromMinutes(4), grid.Evaluate(Path.Combine(grid.Root, "r.db"), reports));
        var markdown = File.ReadAllText(Path.Combine(reports, PluginGrid.RunId, "report.md"));
        var deviations = markdown[markdown.IndexOf("## Deviations", StringComparison.Ordinal)..];
        deviations = deviations[..deviations.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(deviations, Does.Contain("\n| defense sample-blur | — | no reference recorded |"));
            Assert.That(deviations, Does.Contain("\n| backbone fashion-mnist |").And.Not.Contain("\n| backbone cifar10 |"), "the run's dataset only");
            Assert.That(deviations, Does.Not.Contain("\n| defense bart |"), "a defense the run did not use");
        });
    }
}
