using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

/// <summary>`robustness list [--plugin x.dll]`: every registered defense, attack, adversary and model, plug-ins included.</summary>
public sealed class ListCommand(IEnumerable<PluginDescriptor> plugins) : Command<PluginSettings>
{
    public override int Execute(CommandContext context, PluginSettings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("kind", "id", "assembly", "description");
        foreach (var p in plugins.OrderBy(p => p.Kind).ThenBy(p => p.Id))
            table.AddRow(p.Kind.ToString(), p.Id, Markup.Escape(p.ImplementationType.Assembly.GetName().Name ?? ""), Markup.Escape(p.Description));
        foreach (var id in ModelIds.All)
            table.AddRow("Model", id, "Robustness.Core", "model zoo");
        AnsiConsole.Write(table);
        return 0;
    }
}
