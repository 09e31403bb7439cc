using System.Diagnostics;
using System.Text;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>Runs the real `robustness` CLI (dotnet robustness.dll …) in a working directory.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly List<string> lines = [];

    public CliProcess(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(BuiltArtifacts.CliAssembly);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = "1";
        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines)
            {
                stdout.AppendLine(e.Data);
                lines.Add(e.Data);
                Monitor.PulseAll(lines);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public string Stdout { get { lock (lines) return stdout.ToString(); } }
    public string Stderr { get { lock (stderr) return stderr.ToString(); } }

    /// <summary>Blocks until a stdout line satisfies <paramref name="match"/>; returns it, or null if the process ends first or time runs out.</summary>
    public string? WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        lock (lines)
        {
            while (DateTime.UtcNow < deadline)
            {
                for (; seen < lines.Count; seen++)
                    if (match(lines[seen])) return lines[seen];
                if (process.HasExited && seen >= lines.Count) return null;
                Monitor.Wait(lines, TimeSpan.FromMilliseconds(200));
            }
        }
        return null;
    }

    /// <summary>True if the process exits within <paramref name="wait"/>.</summary>
    public bool WaitForExitWithin(TimeSpan wait) => process.WaitForExit(wait);

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"robustness did not finish in {timeout}. stdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var p = new CliProcess(workingDirectory, args);
        var code = p.WaitForExit(timeout);
        return (code, p.Stdout, p.Stderr);
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
