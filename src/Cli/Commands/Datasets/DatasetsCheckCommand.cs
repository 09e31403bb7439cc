using System.ComponentModel;
using Robustness.Core.Data;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Robustness.Cli.Commands.Datasets;

/// <summary>Loads both splits with full validation and prints counts and pixel statistics.</summary>
public sealed class DatasetsCheckCommand : Command<DatasetsCheckCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "[DATASET]")]
        [Description("cifar10 or fashion-mnist (default: both).")]
        public string? Dataset { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("dataset", "split", "images", "shape", "per class", "mean", "std");
        foreach (var id in settings.Dataset is null ? DatasetIds.All : [settings.Dataset])
        {
            foreach (var split in new[] { DatasetSplit.Train, DatasetSplit.Test })
            {
                using var data = DatasetLoader.Load(id, split, settings.Data);
                var perClass = torch.bincount(data.Labels, minlength: 10).data<long>().ToArray();
                table.AddRow(id, split.ToString().ToLowerInvariant(), data.Count.ToString("N0"), string.Join("×", data.Images.shape.Skip(1)),
                    string.Join(" ", perClass), data.Images.mean().item<float>().ToString("F4"), data.Images.std().item<float>().ToString("F4"));
            }
        }
        AnsiConsole.Write(table);
        return 0;
    }
}
