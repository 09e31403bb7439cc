using System.ComponentModel;
using Robustness.Core;
using Robustness.Evaluation.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>Options every grid command shares (evaluate, run-cell, plan, nightly).</summary>
public class GridSettings : PluginSettings
{
    [CommandOption("-c|--config <CONFIG>"), Description("Grid config: a file, or quick / smoke / paper from configs/."), DefaultValue("quick")]
    public string Config { get; init; } = "quick";

    [CommandOption("-p|--profile <PROFILE>"), Description("Overrides the config's profile (smoke, quick, paper).")]
    public string? Profile { get; init; }

    [CommandOption("--store <STORE>"), Description("SQLite file or postgres://user:pass@host/db (default results/robustness.db).")]
    public string? Store { get; init; }

    [CommandOption("--artefacts <DIR>"), Description("Trained-artefact store (default $ROBUSTNESS_ARTEFACTS or .artefacts).")]
    public string? Artefacts { get; init; }

    [CommandOption("--device <DEVICE>"), Description("auto (default), cpu, cuda or cuda:N."), DefaultValue(DeviceSelection.Default)]
    public string Device { get; init; } = DeviceSelection.Default;

    [CommandOption("--data <DIR>"), Description("Root holding the dataset folders.")]
    public string? Data { get; init; }

    [CommandOption("--run <NAME>"), Description("Run name in the store (default <config>-<profile>); the same name resumes.")]
    public string? Run { get; init; }

    [CommandOption("--profiles-file <FILE>"), Description("A profiles.json replacing the embedded one.")]
    public string? ProfilesFile { get; init; }

    [CommandOption("--reports <DIR>"), Description("Where reports/<run>/ is written."), DefaultValue("reports")]
    public string Reports { get; init; } = "reports";

    [CommandOption("--keep-failed"), Description("Leave cells the store holds as failed; by default a rerun computes them again.")]
    public bool KeepFailed { get; init; }

    /// <summary>Checks shared by every grid command; a command adding its own checks calls this first.</summary>
    public override ValidationResult Validate() =>
        Run is not null && RunNames.Problem(Run) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();

    public Evaluation.Grid.EvaluationRequest ToRequest() => new(Config, Profile, Store, Artefacts, Device, Data, Run, ProfilesFile, KeepFailed);
}
