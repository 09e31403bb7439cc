using System.Globalization;
using System.Text;

namespace Robustness.Evaluation.ScaleOut;

/// <summary>What an `sbatch --array` over a grid needs: the command each task runs and the scheduler settings.</summary>
/// <param name="Command">The `robustness` invocation, already quoted (e.g. "/usr/bin/dotnet" "/opt/robustness/robustness.dll").</param>
/// <param name="RunCellArguments">Arguments shared by every task's run-cell (config, store, artefacts, run …), already quoted.</param>
/// <param name="MaxParallel">At most this many tasks at once (the %N throttle); null = no throttle.</param>
public sealed record SlurmArrayJob(
    string Name, int CellCount, string Command, string RunCellArguments, string LogDirectory,
    int CpusPerTask = 1, string? Partition = null, string? TimeLimit = null, int? MaxParallel = null,
    IReadOnlyDictionary<string, string>? Environment = null);

/// <summary>
/// Writes the batch script of a Slurm job array whose task i runs `robustness run-cell --index i`. Cells are
/// idempotent (a finished cell is skipped, a killed one left absent: each is one store transaction), so the
/// same script can be resubmitted; shared artefacts are trained under the artefact store's file lock, so two
/// tasks never train the same network twice — the second waits and loads it.
/// </summary>
public static class SlurmArrayScript
{
    public static string Render(SlurmArrayJob job)
    {
        if (job.CellCount <= 0) throw new ArgumentException("The grid has no cells: nothing to submit.", nameof(job));
        var throttle = job.MaxParallel is { } n ? "%" + n.ToString(CultureInfo.InvariantCulture) : "";
        var script = new StringBuilder()
            .AppendLine("#!/bin/bash")
            .AppendLine($"#SBATCH --job-name={job.Name}")
            .AppendLine($"#SBATCH --array=0-{job.CellCount - 1}{throttle}")
            .AppendLine("#SBATCH --ntasks=1")
            .AppendLine($"#SBATCH --cpus-per-task={job.CpusPerTask}")
            .AppendLine($"#SBATCH --output={job.LogDirectory}/%A_%a.out")
            .AppendLine($"#SBATCH --error={job.LogDirectory}/%A_%a.err");
        if (job.Partition is not null) script.AppendLine($"#SBATCH --partition={job.Partition}");
        if (job.TimeLimit is not null) script.AppendLine($"#SBATCH --time={job.TimeLimit}");
        script.AppendLine("set -euo pipefail")
            .AppendLine($"export OMP_NUM_THREADS={job.CpusPerTask}");
        foreach (var (key, value) in job.Environment ?? new Dictionary<string, string>())
            script.AppendLine($"export {key}={ShellQuote(value)}");
        script.AppendLine($"exec {job.Command} run-cell {job.RunCellArguments} --index \"$SLURM_ARRAY_TASK_ID\"");
        return script.ToString();
    }

    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
