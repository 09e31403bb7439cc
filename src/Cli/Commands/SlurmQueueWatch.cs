using System.Diagnostics;

namespace Robustness.Cli.Commands;

/// <summary>
/// Waits until a submitted job has left Slurm's queue, polling <c>squeue</c>. A busy controller answers a poll with
/// an error now and then ("Socket timed out on send/recv operation"): such a failed poll is retried, and only
/// <see cref="ToleratedFailures"/> failures in a row end the wait with an error. A job Slurm no longer knows
/// ("Invalid job id": finished and purged) has left the queue.
/// </summary>
internal static class SlurmQueueWatch
{
    public const int ToleratedFailures = 30;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    public static void WaitUntilGone(string jobId, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (exitCode, output, error) = Squeue(jobId);
            if (exitCode == 0)
            {
                if (output.Trim().Length == 0) return;
                failures = 0;
                Thread.Sleep(PollInterval);
                continue;
            }
            if (error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) return;
            if (++failures >= ToleratedFailures)
                throw new InvalidOperationException($"squeue -j {jobId} failed {failures} times in a row ({exitCode}): {error.Trim()}");
            Thread.Sleep(RetryInterval);
        }
    }

    private static (int ExitCode, string Output, string Error) Squeue(string jobId)
    {
        var info = new ProcessStartInfo("squeue") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-h", "-j", jobId }) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start squeue");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", "squeue did not answer in 60 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
