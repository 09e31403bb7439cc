using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Robustness.Testing;

namespace Robustness.Cli.Tests.ScaleOut;

/// <summary>A private single-node Slurm + PostgreSQL started by scripts/scaleout/local-cluster.sh, stopped on dispose.</summary>
public sealed class LocalCluster : IDisposable
{
    private readonly string script;

    private LocalCluster(string script, string folder, IReadOnlyDictionary<string, string> environment)
    {
        this.script = script;
        Folder = folder;
        Environment = environment;
    }

    public string Folder { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }
    public string Store => Environment["ROBUSTNESS_STORE"];

    /// <summary>Why the cluster cannot start here, or null when it can.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root") return "needs root on Linux (munged, slurmd and initdb run as root/postgres)";
        foreach (var tool in new[] { "slurmctld", "slurmd", "sbatch", "squeue", "munged" })
        {
            if (!OnPath(tool)) return $"'{tool}' is not installed (apt-get install slurmctld slurmd slurm-client munge postgresql; scripts/setup.sh does it)";
        }
        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any())
            return "PostgreSQL server binaries are not installed (apt-get install postgresql)";
        return null;
    }

    public static LocalCluster Start()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "scaleout", "local-cluster.sh");
        var folder = Path.Combine(Path.GetTempPath(), "robustness-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        // Ports free now, not the script's fixed defaults: two test runs on one machine (a flake check beside a
        // developer's run) would otherwise share one PostgreSQL or slurmctld, and one run's tasks could write into the
        // other's store.
        var ports = FreePorts(3);
        Run(script, "up", folder, new Dictionary<string, string>
        {
            ["PGPORT"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["CTLD_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["SLURMD_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture),
        });
        var environment = File.ReadAllLines(Path.Combine(folder, "cluster.env"))
            .Where(l => l.Contains('=')).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new LocalCluster(script, folder, environment);
    }

    public void Dispose() => Run(script, "down", Folder);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Robustness.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Robustness.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool OnPath(string tool) => (System.Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':').Concat(["/usr/sbin", "/sbin"]).Any(d => File.Exists(Path.Combine(d, tool)));

    /// <summary>Distinct TCP ports free on the loopback interface at this moment (held together while chosen).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static void Run(string script, string verb, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(folder);
        info.Environment["PATH"] = System.Environment.GetEnvironmentVariable("PATH") + ":/usr/sbin:/sbin";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);  // up waits up to 2 min for slurmd on a loaded machine, then starts PostgreSQL
        if (process.ExitCode != 0) throw new InvalidOperationException($"local-cluster.sh {verb} failed: {output.Result}{error.Result}");
    }
}
