using System.Diagnostics;
using System.Text;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>
/// Runs a shell script in a private mount namespace (`unshare -rm`, no root needed where unprivileged user
/// namespaces are allowed) in which a size-limited tmpfs is mounted at a given folder: a full disk, or (remounted
/// read-only) a read-only one, for that script alone. What the script leaves on the tmpfs vanishes with it, so it
/// copies what the test inspects to the real disk. <see cref="WhyUnavailable"/> says why it cannot run here.
/// </summary>
public static class TinyDisk
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string? WhyUnavailable() => Unavailable.Value;

    /// <summary>Runs <paramref name="script"/> (bash) with a tmpfs of <paramref name="kilobytes"/> KiB mounted at <paramref name="mountPoint"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string mountPoint, int kilobytes, string script, TimeSpan timeout)
    {
        Directory.CreateDirectory(mountPoint);
        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-rm", "bash", "-c", $"set -e\nmount -t tmpfs -o size={kilobytes}k tmpfs {Quote(mountPoint)}\n{script}" })
            info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the tiny-disk script did not finish in {timeout}:\n{script}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A bash command line running the built CLI with <paramref name="args"/>.</summary>
    public static string Cli(params string[] args)
    {
        var line = new StringBuilder("dotnet ").Append(Quote(BuiltArtifacts.CliAssembly));
        foreach (var a in args) line.Append(' ').Append(Quote(a));
        return line.ToString();
    }

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? Probe()
    {
        var probe = Path.Combine(Path.GetTempPath(), "robustness-tinydisk-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, _, error) = Run(probe, 64, $"touch {Quote(Path.Combine(probe, "x"))}", TimeSpan.FromSeconds(30));
            return code == 0 ? null : "cannot mount a private tmpfs (unshare -rm; unprivileged user namespaces disabled?): " + error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "unshare is not installed: " + e.Message;
        }
        finally
        {
            if (Directory.Exists(probe)) Directory.Delete(probe, recursive: true);
        }
    }
}
