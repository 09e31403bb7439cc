using System.ComponentModel;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>--plugin: read by Program.cs before the container is built; declared here so every command accepts it.</summary>
public class PluginSettings : CommandSettings
{
    [CommandOption("--plugin <DLL>"), Description("Plug-in assembly registering defenses through IPluginModule (repeatable).")]
    public string[] Plugins { get; init; } = [];
}
