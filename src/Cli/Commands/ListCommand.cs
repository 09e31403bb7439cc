using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands;

public sealed class ListCommand(IEnumerable<PluginDescriptor> plugins) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("kind", "id", "type");
        foreach (var p in plugins.OrderBy(p => p.Kind).ThenBy(p => p.Id))
            table.AddRow(p.Kind.ToString(), p.Id, Markup.Escape(p.ImplementationType.FullName ?? p.ImplementationType.Name));
        foreach (var id in ModelIds.All)
            table.AddRow("Model", id, "zoo");
        AnsiConsole.Write(table);
        return 0;
    }
}
