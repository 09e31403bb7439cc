using System.ComponentModel;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Datasets;

public class DataSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Root folder holding the dataset folders (else $ROBUSTNESS_DATA, shared/datasets, /usr/share/datasets, ~/.cache/robustness/datasets).")]
    public string? Data { get; init; }
}
