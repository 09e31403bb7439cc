using NUnit.Framework;
using Robustness.Testing;

namespace Robustness.Cli.Tests.ScaleOut;

/// <summary>
/// Issue 18, item 10: `slurm --submit --wait` on a loaded machine. A busy slurmctld answers some squeue polls with
/// an error; the wait retries them instead of failing the whole array. Fake sbatch/squeue on PATH (no Slurm needed).
/// </summary>
[Platform("Unix")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmWaitTests
{
    [Test]
    public void SlurmWait_SqueueTimesOutTwiceThenShowsTheJobThenNothing_WaitsItOutAndGoesOnToTheStore()
    {
        using var temp = new TempDirectory();
        var tools = Path.Combine(temp.Path, "tools");
        Directory.CreateDirectory(tools);
        var polls = Path.Combine(temp.Path, "polls");
        WriteTool(tools, "sbatch", "echo 4242");
        // Polls 1-2: the controller is too busy to answer; poll 3: the array still runs; then it is gone.
        WriteTool(tools, "squeue", $"""
            echo x >> '{polls}'
            n=$(wc -l < '{polls}')
            if [ "$n" -le 2 ]; then echo 'squeue: error: slurm_load_jobs error: Socket timed out on send/recv operation' >&2; exit 1; fi
            if [ "$n" -eq 3 ]; then echo '4242_[0-3] debug robustness root PD 0:00 1 (None)'; fi
            exit 0
            """);
        var config = Path.Combine(temp.Path, "grid.json");
        File.WriteAllText(config, """
            { "name": "wait", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"], "baseline": "vanilla",
              "defenses": [], "adversaries": [], "attacks": [], "seeds": [0], "attackedPoints": 20 }
            """);
        // Nothing listens on port 1: once the wait is over, opening the store fails at once, naming the store.
        const string store = "postgres://nobody@127.0.0.1:1/results";

        var info = CliProcess.StartInfo(temp.Path, "slurm", "--config", config, "--store", store, "--script", Path.Combine(temp.Path, "array.sbatch"),
            "--logs", Path.Combine(temp.Path, "logs"), "--artefacts", Path.Combine(temp.Path, "artefacts"), "--submit", "--wait");
        info.Environment["PATH"] = tools + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(entireProcessTree: true);

        Assert.Multiple(() =>
        {
            Assert.That(output.Result, Does.Contain("submitted array job 4242"));
            Assert.That(File.ReadAllLines(polls), Has.Length.EqualTo(4), "two failed polls retried, one with the job queued, one empty");
            Assert.That(error.Result, Does.Not.Contain("squeue"), "a busy controller's answer is retried, not fatal");
            Assert.That(error.Result, Does.Contain("127.0.0.1:1/results"), "after the wait, the command reads the store");
        });
    }

    private static void WriteTool(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
