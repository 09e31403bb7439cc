using System.ComponentModel;
using Robustness.Core.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Datasets;

public sealed class DatasetsVerifyCommand : Command<DatasetsVerifyCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "[DATASET]")]
        [Description("cifar10 or fashion-mnist (default: both).")]
        public string? Dataset { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var failures = 0;
        foreach (var id in settings.Dataset is null ? DatasetIds.All : [settings.Dataset])
        {
            var result = DatasetVerifier.Verify(id, DataDirectory.Resolve(id, settings.Data));
            var table = new Table().Title($"{id}: {Markup.Escape(result.Folder)}").AddColumns("file", "sha-256", "verdict");
            foreach (var file in result.Files)
                table.AddRow(Markup.Escape(Path.GetFileName(file.File)), file.Sha256.Length > 0 ? file.Sha256[..16] + "…" : "-",
                    file.Problem is null ? $"[green]ok ({Markup.Escape(file.MatchedCopy!)})[/]" : $"[red]{Markup.Escape(file.Problem)}[/]");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(result.Ok ? $"{id}: [green]verified[/], copy '{Markup.Escape(result.Copy ?? "mixed")}'" : $"{id}: [red]FAILED[/]");
            if (!result.Ok) failures++;
        }
        return failures == 0 ? 0 : 1;
    }
}
