using System.ComponentModel;
using Robustness.Pruning;
using Robustness.Pruning.Projections;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Robustness.Cli.Commands.Prune;

/// <summary>Options of `robustness prune`.</summary>
public sealed class PruneSettings : ModelSettings
{
    [CommandOption("--method <METHOD>"), Description("slr, admm or magnitude."), DefaultValue(PruningIds.Slr)]
    public string Method { get; init; } = PruningIds.Slr;

    [CommandOption("--type <TYPE>"), Description("irregular, filter, channel, column or pattern."), DefaultValue("irregular")]
    public string Type { get; init; } = "irregular";

    [CommandOption("--ratio <RATIO>"), Description("Fraction of each pruned layer's weights removed."), DefaultValue(0.8)]
    public double Ratio { get; init; } = 0.8;

    [CommandOption("--epochs <N>"), Description("SLR/ADMM epochs (default: the profile's pruning section).")]
    public int? Epochs { get; init; }

    [CommandOption("--retrain-epochs <N>"), Description("Masked retraining epochs (default: the profile's pruning section).")]
    public int? RetrainEpochs { get; init; }

    [CommandOption("--summary-out <FILE>"), Description("Also write the run (dataset, profile, accuracies, the per-epoch log with hard-pruned accuracy) as JSON, for `robustness prune-report`.")]
    public string? SummaryOut { get; init; }

    public PruningSpec Spec => new(PruningMethods.Parse(Method), Ratio, SparsityTypes.Parse(Type));

    protected override ValidationResult ValidateCommand()
    {
        if (Ratio is < 0 or > 1 || double.IsNaN(Ratio)) return ValidationResult.Error($"--ratio {Ratio}: must be in [0, 1]");
        if (Epochs is < 0) return ValidationResult.Error($"--epochs {Epochs}: must be >= 0");
        if (RetrainEpochs is < 0) return ValidationResult.Error($"--retrain-epochs {RetrainEpochs}: must be >= 0");
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
