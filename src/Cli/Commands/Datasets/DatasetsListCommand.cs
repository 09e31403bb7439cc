using Robustness.Core.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Datasets;

public sealed class DatasetsListCommand : Command<DataSettings>
{
    public override int Execute(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("dataset", "folder", "source order");
        foreach (var id in DatasetIds.All)
        {
            var found = DataDirectory.TryResolve(id, settings.Data, out var folder);
            table.AddRow(id, found ? Markup.Escape(folder) : "[red]not found[/]",
                Markup.Escape(string.Join(" → ", DataDirectory.Candidates(settings.Data).Select(c => c.Source))));
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
