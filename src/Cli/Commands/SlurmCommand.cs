using System.ComponentModel;
using System.Diagnostics;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.ScaleOut;
using Robustness.Evaluation.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>
/// `robustness slurm`: writes (and with --submit, submits) an `sbatch --array` script whose task i runs
/// `robustness run-cell --index i` against a shared store and artefact directory. A password in --store never
/// reaches the script or the tasks' command lines: it goes into a 0600 password file beside the script
/// (PGPASSFILE format), which the tasks' connection string names.
/// </summary>
public sealed class SlurmCommand(IServiceProvider services) : Command<SlurmCommand.Settings>
{
    public sealed class Settings : GridSettings
    {
        [CommandOption("--script <FILE>"), Description("Where to write the batch script."), DefaultValue("robustness-array.sbatch")]
        public string Script { get; init; } = "robustness-array.sbatch";

        [CommandOption("--logs <DIR>"), Description("Folder for the tasks' stdout/stderr."), DefaultValue("slurm-logs")]
        public string Logs { get; init; } = "slurm-logs";

        [CommandOption("--cpus-per-task <N>"), DefaultValue(1)]
        public int CpusPerTask { get; init; } = 1;

        [CommandOption("--partition <NAME>")]
        public string? Partition { get; init; }

        [CommandOption("--time <LIMIT>"), Description("Slurm time limit per task, e.g. 02:00:00.")]
        public string? Time { get; init; }

        [CommandOption("--max-parallel <N>"), Description("Throttle: at most N tasks at once.")]
        public int? MaxParallel { get; init; }

        [CommandOption("--submit"), Description("Submit with sbatch after writing the script.")]
        public bool Submit { get; init; }

        [CommandOption("--wait"), Description("With --submit: wait until the array has finished and check every cell is in the store.")]
        public bool Wait { get; init; }

        public override ValidationResult Validate()
        {
            if (CpusPerTask < 1) return ValidationResult.Error("--cpus-per-task must be >= 1");
            if (Submit && (Store is null || !ResultsStores.IsPostgres(Store)))
                return ValidationResult.Error("--submit needs a shared PostgreSQL --store (postgres://user@host/db): tasks on other nodes cannot share a SQLite file.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => CommandErrors.Guard(() =>
    {
        var config = GridConfigFile.Load(settings.Config, settings.Profile, services, settings.ProfilesFile);
        var cells = GridPlanner.Plan(config);
        var run = settings.Run ?? $"{config.Name}-{config.Profile}";
        var logs = Path.GetFullPath(settings.Logs);
        Directory.CreateDirectory(logs);
        var passwordFile = Path.GetFullPath(settings.Script + ".pgpass");
        var taskStore = settings.Store is null ? null : PostgresPasswordFile.MoveOutPassword(settings.Store, passwordFile);
        var environment = taskStore != settings.Store ? new Dictionary<string, string> { ["PGPASSFILE"] = passwordFile } : null;
        var job = new SlurmArrayJob($"robustness-{run}", cells.Count, SelfCommand(), RunCellArguments(settings, run, taskStore), logs,
            settings.CpusPerTask, settings.Partition, settings.Time, settings.MaxParallel, environment);
        var temp = settings.Script + ".tmp";
        File.WriteAllText(temp, SlurmArrayScript.Render(job));
        File.Move(temp, settings.Script, overwrite: true);
        AnsiConsole.WriteLine($"{cells.Count} cells → {settings.Script} (array 0-{cells.Count - 1})" + (environment is null ? "" : $"; password in {passwordFile} (0600)"));
        if (!settings.Submit) return 0;

        var jobId = RunTool("sbatch", "--parsable", settings.Script).Trim().Split(';')[0];
        AnsiConsole.WriteLine($"submitted array job {jobId}");
        if (!settings.Wait) return 0;
        SlurmQueueWatch.WaitUntilGone(jobId, cancellationToken);
        using var store = ResultsStores.Open(settings.Store);
        var done = store.CompletedCells(run);
        var missing = cells.Count(c => !done.Contains(c.Id));
        AnsiConsole.WriteLine($"array {jobId} finished: {cells.Count - missing}/{cells.Count} cells in {store.Description}");
        return missing == 0 ? 0 : 1;
    });

    /// <summary>How to start this very CLI again: the apphost, or `dotnet robustness.dll`.</summary>
    private static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(SlurmCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{SlurmArrayScript.ShellQuote(process)} {SlurmArrayScript.ShellQuote(entry)}"
            : SlurmArrayScript.ShellQuote(process);
    }

    private static string RunCellArguments(Settings s, string run, string? store)
    {
        var args = new List<string> { "--config", File.Exists(s.Config) ? Path.GetFullPath(s.Config) : s.Config, "--run", run, "--device", s.Device };
        if (s.Profile is not null) args.AddRange(["--profile", s.Profile]);
        if (store is not null) args.AddRange(["--store", ResultsStores.IsPostgres(store) ? store : Path.GetFullPath(store)]);
        args.AddRange(["--artefacts", Path.GetFullPath(s.Artefacts ?? Core.Artefacts.ArtefactStore.ResolveRoot(null))]);
        if (s.Data is not null) args.AddRange(["--data", Path.GetFullPath(s.Data)]);
        if (s.ProfilesFile is not null) args.AddRange(["--profiles-file", Path.GetFullPath(s.ProfilesFile)]);
        foreach (var plugin in s.Plugins ?? []) args.AddRange(["--plugin", Path.GetFullPath(plugin)]);
        return string.Join(' ', args.Select(SlurmArrayScript.ShellQuote));
    }

    private static string RunTool(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) throw new TimeoutException($"{tool} did not answer in 60 s");
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}");
        return output;
    }
}
