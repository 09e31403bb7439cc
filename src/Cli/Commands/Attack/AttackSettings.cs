using System.ComponentModel;
using System.Globalization;
using Robustness.Core;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Attack;

public sealed class AttackSettings : CommandSettings
{
    [CommandOption("--model <ID>"), Description("Zoo model to attack (default: the profile's backbone).")]
    public string? Model { get; init; }

    [CommandOption("-d|--dataset <DATASET>"), Description("cifar10 or fashion-mnist."), DefaultValue(DatasetIds.Cifar10)]
    public string Dataset { get; init; } = DatasetIds.Cifar10;

    [CommandOption("-a|--attack <ID>"), Description("fgsm, ifgsm, mim, pgd, cw or ead."), DefaultValue("pgd")]
    public string Attack { get; init; } = "pgd";

    [CommandOption("--eps <LIST>"), Description("Comma-separated ε values (default: the profile's ε). Ignored by cw and ead.")]
    public string? Eps { get; init; }

    [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
    public string Profile { get; init; } = ProfileNames.Quick;

    [CommandOption("--profiles-file <FILE>"), Description("A profiles.json replacing the embedded one.")]
    public string? ProfilesFile { get; init; }

    [CommandOption("-n|--count <COUNT>"), Description("Attack the first n test images (-n; Spectre allows no one-letter long option)."), DefaultValue(500)]
    public int Count { get; init; } = 500;

    [CommandOption("--seed <SEED>"), Description("Seed of the model training and of the attack."), DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--targeted"), Description("Targeted goal: a random other class per image (seeded).")]
    public bool Targeted { get; init; }

    [CommandOption("--norm <NORM>"), Description("linf or l2 (gradient-sign family)."), DefaultValue("linf")]
    public string Norm { get; init; } = "linf";

    [CommandOption("--csv <FILE>"), Description("Write the table as CSV.")]
    public string? Csv { get; init; }

    [CommandOption("--device <DEVICE>"), Description("auto (default), cpu, cuda or cuda:N."), DefaultValue(DeviceSelection.Default)]
    public string Device { get; init; } = DeviceSelection.Default;

    [CommandOption("--artefacts <DIR>"), Description("Trained-artefact store (default $ROBUSTNESS_ARTEFACTS or .artefacts).")]
    public string? Artefacts { get; init; }

    [CommandOption("--data <DIR>"), Description("Root holding the dataset folders.")]
    public string? Data { get; init; }

    [CommandOption("--epochs <N>"), Description("Override the profile's training epochs for the attacked model.")]
    public int? Epochs { get; init; }

    [CommandOption("--threads <N>"), Description("Torch intra-op threads (0: library default)."), DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--batch <N>"), Description("Images per attack call (progress granularity)."), DefaultValue(128)]
    public int Batch { get; init; } = 128;

    public IReadOnlyList<double> Epsilons() => string.IsNullOrWhiteSpace(Eps) ? [] :
        Eps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 1
                ? v : throw new ArgumentException($"--eps: '{e}' is outside (0, 1] (images are in [0, 1])"))
            .ToList();

    public override ValidationResult Validate()
    {
        if (Count < 1) return ValidationResult.Error("--n must be >= 1");
        if (Seed < 0) return ValidationResult.Error("--seed must be >= 0");
        if (Batch < 1) return ValidationResult.Error("--batch must be >= 1");
        if (Norm is not ("linf" or "l2")) return ValidationResult.Error($"--norm {Norm}: use linf or l2");
        if (!DatasetIds.All.Contains(Dataset)) return ValidationResult.Error($"--dataset {Dataset}: use {string.Join(" or ", DatasetIds.All)}");
        try
        {
            _ = Epsilons();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }
}
