using System.Diagnostics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Testing;

namespace Robustness.Cli.Tests.ScaleOut;

/// <summary>
/// Issue 11's end-to-end check: a smoke grid run as a Slurm job array (one run-cell per task) against a shared
/// PostgreSQL store gives the same report as one process writing SQLite.
/// </summary>
[NonParallelizable]
public sealed class SlurmArrayTests
{
    private const string Grid = """
        {
          "name": "scaleout", "profile": "smoke", "datasets": ["fashion-mnist"], "variants": ["dense"],
          "baseline": "vanilla", "defenses": [], "adversaries": ["pure-blackbox"], "q": [1.0, 0.5],
          "attacks": ["fgsm", "pgd"], "goals": ["untargeted"], "seeds": [0], "attackedPoints": 50,
          "checklist": { "epsilonScales": [], "sweepAttacks": [], "whiteBox": false, "noise": false }
        }
        """;

    [Test]
    public void SlurmArray_SmokeGrid_ReportEqualsSingleProcessRun()
    {
        if (LocalCluster.WhyUnavailable() is { } why) Assert.Ignore("Slurm scale-out test skipped: " + why);
        if (!DataDirectory.TryResolve(DatasetIds.FashionMnist, null, out _)) Assert.Ignore("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist).");
        using var temp = new TempDirectory();
        var config = Path.Combine(temp.Path, "scaleout.json");
        File.WriteAllText(config, Grid);
        using var cluster = LocalCluster.Start();

        var single = Stopwatch.StartNew();
        Cli(temp.Path, cluster, "evaluate", "--config", config, "--store", Path.Combine(temp.Path, "single.db"),
            "--artefacts", Path.Combine(temp.Path, "artefacts-single"), "--reports", Path.Combine(temp.Path, "reports-single"), "--run", "scaleout");
        single.Stop();

        var array = Stopwatch.StartNew();
        var logs = Path.Combine(temp.Path, "logs");
        var submit = Cli(temp.Path, cluster, ["slurm", "--config", config, "--store", cluster.Store, "--run", "scaleout",
            "--artefacts", Path.Combine(temp.Path, "artefacts-array"), "--logs", logs,
            "--script", Path.Combine(temp.Path, "array.sbatch"), "--submit", "--wait"], () => TaskLogs(logs, cluster));
        array.Stop();
        Cli(temp.Path, cluster, "report", "--store", cluster.Store, "--run", "scaleout", "--reports", Path.Combine(temp.Path, "reports-array"));

        var script = File.ReadAllText(Path.Combine(temp.Path, "array.sbatch"));
        var tasks = int.Parse(System.Text.RegularExpressions.Regex.Match(script, @"--array=0-(\d+)").Groups[1].Value) + 1;
        TestContext.Out.WriteLine($"smoke grid: one process {single.Elapsed.TotalSeconds:F1} s; Slurm array of {tasks} tasks {array.Elapsed.TotalSeconds:F1} s\n{submit}");
        Assert.That(tasks, Is.GreaterThanOrEqualTo(4));
        var expected = ReportNumbers(Path.Combine(temp.Path, "reports-single", "scaleout", "report.json"));
        var actual = ReportNumbers(Path.Combine(temp.Path, "reports-array", "scaleout", "report.json"));
        Assert.That(actual, Is.EqualTo(expected));
    }

    /// <summary>The report's result tables (clean and attack rows), which carry no timings or run-specific paths.</summary>
    private static string ReportNumbers(string path)
    {
        Assert.That(path, Does.Exist);
        var report = JsonNode.Parse(File.ReadAllText(path))!;
        return new JsonObject { ["clean"] = report["clean"]!.DeepClone(), ["attacks"] = report["attacks"]!.DeepClone() }.ToJsonString();
    }

    /// <summary>Every task's output and the tail of the Slurm daemons' logs: what a failed array run is diagnosed from.</summary>
    private static string TaskLogs(string logs, LocalCluster cluster)
    {
        var tasks = Directory.Exists(logs) ? Directory.GetFiles(logs).Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}") : [];
        var daemons = Directory.GetFiles(Path.Combine(cluster.Folder, "slurm", "log")).Select(f => $"--- {Path.GetFileName(f)} (tail)\n{string.Join('\n', File.ReadLines(f).TakeLast(40))}");
        return string.Join('\n', tasks.Concat(daemons));
    }

    private static string Cli(string workingDirectory, LocalCluster cluster, params string[] args) => Cli(workingDirectory, cluster, args, () => "");

    private static string Cli(string workingDirectory, LocalCluster cluster, string[] args, Func<string> diagnostics)
    {
        var info = CliProcess.StartInfo(workingDirectory, args);
        foreach (var (key, value) in cluster.Environment) info.Environment[key] = value;
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + ":/usr/sbin:/sbin";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) Assert.Fail($"robustness {string.Join(' ', args)} exited {process.ExitCode}\n{output.Result}\n{error.Result}\n{diagnostics()}");
        return output.Result;
    }
}
