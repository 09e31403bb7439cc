using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Train;

/// <summary>Options of `robustness train`: a profile's backbone recipe, with per-option overrides.</summary>
public sealed class TrainSettings : ModelSettings
{
    [CommandOption("--epochs <N>")] public int? Epochs { get; init; }
    [CommandOption("--lr <RATE>")] public double? LearningRate { get; init; }
    [CommandOption("--batch-size <N>")] public int? BatchSize { get; init; }

    protected override ValidationResult ValidateCommand()
    {
        if (Epochs is < 1) return ValidationResult.Error($"--epochs {Epochs}: must be >= 1");
        if (BatchSize is < 2) return ValidationResult.Error($"--batch-size {BatchSize}: must be >= 2");
        if (LearningRate is <= 0) return ValidationResult.Error($"--lr {LearningRate}: must be > 0");
        return ValidationResult.Success();
    }
}
