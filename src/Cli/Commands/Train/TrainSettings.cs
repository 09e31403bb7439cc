using System.ComponentModel;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Train;

/// <summary>Options of `robustness train`: a profile's backbone recipe, with per-option overrides.</summary>
public sealed class TrainSettings : CommandSettings
{
    [CommandOption("--dataset <DATASET>"), Description("cifar10 or fashion-mnist."), DefaultValue(DatasetIds.Cifar10)]
    public string Dataset { get; init; } = DatasetIds.Cifar10;

    [CommandOption("--model <ID>"), Description("Zoo model id (default: the profile's backbone).")]
    public string? Model { get; init; }

    [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
    public string Profile { get; init; } = ProfileNames.Quick;

    [CommandOption("--epochs <N>")] public int? Epochs { get; init; }
    [CommandOption("--lr <RATE>")] public double? LearningRate { get; init; }
    [CommandOption("--batch-size <N>")] public int? BatchSize { get; init; }

    [CommandOption("--seed <SEED>"), DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--device <DEVICE>"), Description("auto, cpu, cuda or cuda:N."), DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    [CommandOption("--threads <N>"), Description("Torch intra-op threads (0: torch's default)."), DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--data <DIR>"), Description("Root folder holding the dataset folders.")]
    public string? Data { get; init; }

    [CommandOption("--artefacts <DIR>"), Description("Artefact store root (else $ROBUSTNESS_ARTEFACTS, else ./.artefacts).")]
    public string? Artefacts { get; init; }

    [CommandOption("--profiles <FILE>"), Description("A profiles.json replacing the built-in one.")]
    public string? Profiles { get; init; }

    public override ValidationResult Validate()
    {
        if (!DatasetIds.All.Contains(Dataset)) return ValidationResult.Error($"--dataset {Dataset}: use {string.Join(" or ", DatasetIds.All)}");
        if (Epochs is < 1) return ValidationResult.Error($"--epochs {Epochs}: must be >= 1");
        if (BatchSize is < 2) return ValidationResult.Error($"--batch-size {BatchSize}: must be >= 2");
        if (LearningRate is <= 0) return ValidationResult.Error($"--lr {LearningRate}: must be > 0");
        if (Seed < 0) return ValidationResult.Error($"--seed {Seed}: must be >= 0");
        if (Threads < 0) return ValidationResult.Error($"--threads {Threads}: must be >= 0");
        return ValidationResult.Success();
    }
}
