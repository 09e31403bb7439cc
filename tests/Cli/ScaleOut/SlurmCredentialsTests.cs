using NUnit.Framework;
using Robustness.Testing;

namespace Robustness.Cli.Tests.ScaleOut;

/// <summary>
/// Issue 18, item 7: `slurm` with a PostgreSQL password keeps it out of the batch script and the tasks' command
/// lines; it goes to a 0600 password file in libpq's format that the tasks' connection string names.
/// </summary>
public sealed class SlurmCredentialsTests
{
    private const string Password = "s3cr:et\\pw";

    [Test]
    [Platform("Unix")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Slurm_StoreUrlWithPassword_ScriptHoldsNoPasswordAndThePasswordFileIsOwnerOnly()
    {
        using var temp = new TempDirectory();
        var config = Path.Combine(temp.Path, "grid.json");
        File.WriteAllText(config, """
            { "name": "creds", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"], "baseline": "vanilla",
              "defenses": [], "adversaries": [], "attacks": [], "seeds": [0], "attackedPoints": 20 }
            """);
        var script = Path.Combine(temp.Path, "array.sbatch");
        var store = $"postgres://bob:{Uri.EscapeDataString(Password)}@db.example:5433/results";

        var result = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "slurm", "--config", config, "--store", store, "--script", script,
            "--logs", Path.Combine(temp.Path, "logs"), "--artefacts", Path.Combine(temp.Path, "artefacts"));

        Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output);
        var text = File.ReadAllText(script);
        var passwordFile = script + ".pgpass";
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("s3cr").And.Not.Contain(Uri.EscapeDataString(Password)), "no password in the script, so none on a task's command line");
            Assert.That(text, Does.Contain($"export PGPASSFILE='{passwordFile}'"));
            Assert.That(text, Does.Contain($"Passfile={passwordFile}"), "the tasks' store names the password file");
            Assert.That(File.ReadAllText(passwordFile), Is.EqualTo("db.example:5433:results:bob:s3cr\\:et\\\\pw\n"), "libpq's format, ':' and '\\' escaped");
            Assert.That(File.GetUnixFileMode(passwordFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(result.Output, Does.Not.Contain("s3cr"));
        });
    }

    [Test]
    public void Slurm_StoreUrlWithoutPassword_NoPasswordFileAndTheStorePassesUnchanged()
    {
        using var temp = new TempDirectory();
        var config = Path.Combine(temp.Path, "grid.json");
        File.WriteAllText(config, """
            { "name": "creds", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"], "baseline": "vanilla",
              "defenses": [], "adversaries": [], "attacks": [], "seeds": [0], "attackedPoints": 20 }
            """);
        var script = Path.Combine(temp.Path, "array.sbatch");
        var result = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "slurm", "--config", config, "--store", "postgres://bob@db.example/results",
            "--script", script, "--logs", Path.Combine(temp.Path, "logs"), "--artefacts", Path.Combine(temp.Path, "artefacts"));
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Error + result.Output);
            Assert.That(File.ReadAllText(script), Does.Contain("'postgres://bob@db.example/results'"));
            Assert.That(File.Exists(script + ".pgpass"), Is.False);
        });
    }
}
