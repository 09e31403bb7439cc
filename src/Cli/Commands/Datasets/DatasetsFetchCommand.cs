using System.ComponentModel;
using Robustness.Core.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Datasets;

public sealed class DatasetsFetchCommand : Command<DatasetsFetchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[DATASET]")]
        [Description("cifar10 or fashion-mnist (default: both).")]
        public string? Dataset { get; init; }

        [CommandOption("--to <DIR>")]
        [Description("Root to unpack into (default: ~/.cache/robustness/datasets).")]
        public string? To { get; init; }

        [CommandOption("--sources <FILE>")]
        [Description("A sources JSON replacing datasets/sources.json (mirrors, tests).")]
        public string? Sources { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sources = DatasetSources.Load(settings.Sources);
        var root = settings.To ?? DataDirectory.UserCache;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        var fetcher = new DatasetFetcher(http);
        foreach (var id in settings.Dataset is null ? DatasetIds.All : [settings.Dataset])
        {
            if (!sources.TryGetValue(id, out var source))
                throw new ArgumentException($"No source for dataset '{id}' in {settings.Sources ?? "datasets/sources.json"}.");
            var progress = new Progress<string>(m => AnsiConsole.MarkupLine($"{id}: {Markup.Escape(m)}"));
            var folder = fetcher.FetchAsync(id, source, root, progress, cancellationToken).GetAwaiter().GetResult();
            AnsiConsole.MarkupLine($"{id}: [green]fetched[/] into {Markup.Escape(folder)}");
        }
        return 0;
    }
}
