using System.ComponentModel;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Pruning;
using Robustness.Pruning.Projections;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Prune;

/// <summary>Options of `robustness prune`.</summary>
public sealed class PruneSettings : CommandSettings
{
    [CommandOption("--dataset <DATASET>"), Description("cifar10 or fashion-mnist."), DefaultValue(DatasetIds.Cifar10)]
    public string Dataset { get; init; } = DatasetIds.Cifar10;

    [CommandOption("--model <ID>"), Description("Zoo model id (default: the profile's backbone).")]
    public string? Model { get; init; }

    [CommandOption("--method <METHOD>"), Description("slr, admm or magnitude."), DefaultValue(PruningIds.Slr)]
    public string Method { get; init; } = PruningIds.Slr;

    [CommandOption("--type <TYPE>"), Description("irregular, filter, channel, column or pattern."), DefaultValue("irregular")]
    public string Type { get; init; } = "irregular";

    [CommandOption("--ratio <RATIO>"), Description("Fraction of each pruned layer's weights removed."), DefaultValue(0.8)]
    public double Ratio { get; init; } = 0.8;

    [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
    public string Profile { get; init; } = ProfileNames.Quick;

    [CommandOption("--epochs <N>"), Description("SLR/ADMM epochs (default: the profile's pruning section).")]
    public int? Epochs { get; init; }

    [CommandOption("--retrain-epochs <N>"), Description("Masked retraining epochs (default: the profile's pruning section).")]
    public int? RetrainEpochs { get; init; }

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

    public PruningSpec Spec => new(PruningMethods.Parse(Method), Ratio, SparsityTypes.Parse(Type));

    public override ValidationResult Validate()
    {
        if (!DatasetIds.All.Contains(Dataset)) return ValidationResult.Error($"--dataset {Dataset}: use {string.Join(" or ", DatasetIds.All)}");
        if (Ratio is < 0 or > 1 || double.IsNaN(Ratio)) return ValidationResult.Error($"--ratio {Ratio}: must be in [0, 1]");
        if (Epochs is < 0) return ValidationResult.Error($"--epochs {Epochs}: must be >= 0");
        if (RetrainEpochs is < 0) return ValidationResult.Error($"--retrain-epochs {RetrainEpochs}: must be >= 0");
        if (Seed < 0) return ValidationResult.Error($"--seed {Seed}: must be >= 0");
        if (Threads < 0) return ValidationResult.Error($"--threads {Threads}: must be >= 0");
        try
        {
            _ = Spec;
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }
}
