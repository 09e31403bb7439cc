using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// An evaluation grid: dataset × backbone variant × defense (baseline + others) × adversary × q × attack × goal ×
/// seed, plus the checklist's extra cells. Read from configs/*.json by <see cref="GridConfigFile"/>.
/// </summary>
public sealed record GridConfig
{
    public required string Name { get; init; }

    /// <summary>Profile (profiles.json) every cell runs under: smoke, quick or paper.</summary>
    public string Profile { get; init; } = ProfileNames.Quick;

    public IReadOnlyList<string> Datasets { get; init; } = ["cifar10"];

    /// <summary>Backbone variants: "dense" and pruning variant ids.</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["dense"];

    /// <summary>The undefended reference every δ is measured against.</summary>
    public string Baseline { get; init; } = "vanilla";

    /// <summary>Defenses besides the baseline.</summary>
    public IReadOnlyList<string> Defenses { get; init; } = [];

    public IReadOnlyList<string> Adversaries { get; init; } = ["pure-blackbox", "oracle-jacobian"];

    /// <summary>Fractions of the training set the adversary starts from.</summary>
    public IReadOnlyList<double> Q { get; init; } = [1.0, 0.01];

    public IReadOnlyList<string> Attacks { get; init; } = ["fgsm", "pgd"];
    public IReadOnlyList<string> Goals { get; init; } = [AttackGoals.Untargeted];
    public IReadOnlyList<long> Seeds { get; init; } = [0];

    /// <summary>Attacked test points per cell (the paper: 1000).</summary>
    public int AttackedPoints { get; init; } = 1000;

    public ChecklistOptions Checklist { get; init; } = new();
    public NightlyTolerances Nightly { get; init; } = new();

    /// <summary>Deviations from the paper's protocol, stated in every report.</summary>
    public IReadOnlyList<string> Deviations { get; init; } = [];

    public IEnumerable<string> AllDefenses => new[] { Baseline }.Concat(Defenses.Where(d => d != Baseline));
}
