using System.ComponentModel;
using Robustness.Core;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace Robustness.Cli.Commands;

/// <summary>Options every command that trains or loads one zoo model shares (train, prune).</summary>
public abstract class ModelSettings : CommandSettings
{
    [CommandOption("--dataset <DATASET>"), Description("cifar10 or fashion-mnist."), DefaultValue(DatasetIds.Cifar10)]
    public string Dataset { get; init; } = DatasetIds.Cifar10;

    [CommandOption("--model <ID>"), Description("Zoo model id (default: the profile's backbone).")]
    public string? Model { get; init; }

    [CommandOption("-p|--profile <PROFILE>"), Description("smoke, quick or paper."), DefaultValue(ProfileNames.Quick)]
    public string Profile { get; init; } = ProfileNames.Quick;

    [CommandOption("--seed <SEED>"), DefaultValue(0L)]
    public long Seed { get; init; }

    [CommandOption("--device <DEVICE>"), Description("auto (default), cpu, cuda or cuda:N."), DefaultValue(DeviceSelection.Default)]
    public string Device { get; init; } = DeviceSelection.Default;

    [CommandOption("--threads <N>"), Description("Torch intra-op threads (0: torch's default)."), DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--data <DIR>"), Description("Root folder holding the dataset folders.")]
    public string? Data { get; init; }

    [CommandOption("--artefacts <DIR>"), Description("Artefact store root (else $ROBUSTNESS_ARTEFACTS, else ./.artefacts).")]
    public string? Artefacts { get; init; }

    [CommandOption("--profiles-file <FILE>"), Description("A profiles.json replacing the embedded one.")]
    public string? Profiles { get; init; }

    public DatasetProfile LoadProfile() => ProfileCatalog.Load(Profiles).Get(Profile, Dataset);

    /// <summary>--model, else the profile's backbone; an id the zoo does not know is an error naming it.</summary>
    public string ModelId(IModelZoo zoo, DatasetProfile profile)
    {
        var modelId = Model ?? profile.Backbone;
        if (!zoo.Ids.Contains(modelId)) throw new ArgumentException($"--model {modelId}: unknown (known: {string.Join(", ", zoo.Ids)}).");
        return modelId;
    }

    /// <summary>The --device, with torch's thread count set from --threads.</summary>
    public torch.Device SelectDevice()
    {
        var device = DeviceSelection.Resolve(Device);
        if (Threads > 0) torch.set_num_threads(Threads);
        return device;
    }

    /// <summary>The profile's training and test subsets (first n of each split).</summary>
    public (LabeledImages Train, LabeledImages Test) LoadData(DatasetProfile profile) =>
        (DatasetLoader.Load(Dataset, DatasetSplit.Train, profile.TrainLimit, Data), DatasetLoader.Load(Dataset, DatasetSplit.Test, profile.TestLimit, Data));

    public override ValidationResult Validate()
    {
        if (!DatasetIds.All.Contains(Dataset)) return ValidationResult.Error($"--dataset {Dataset}: use {string.Join(" or ", DatasetIds.All)}");
        if (Seed < 0) return ValidationResult.Error($"--seed {Seed}: must be >= 0");
        if (Threads < 0) return ValidationResult.Error($"--threads {Threads}: must be >= 0");
        return ValidateCommand();
    }

    protected virtual ValidationResult ValidateCommand() => ValidationResult.Success();
}
