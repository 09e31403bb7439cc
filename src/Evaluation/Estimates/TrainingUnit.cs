using Robustness.Attacks.Adversaries;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Estimates;

/// <summary>
/// One network (or set of networks) a grid trains once and reuses from the artefact store: the undefended backbone
/// per (profile, dataset, seed), a defense's own networks, a pruning variant build, a surrogate. Cells sharing a unit
/// pay it once (the first one to run). <see cref="TimingKey"/> is the stored timing that measures it.
/// </summary>
internal sealed record TrainingUnit(string Kind, string Key, string TimingKey, GridCell Cell)
{
    public const string BackboneOwner = "vanilla";
    public const string BackboneKind = "train backbones";
    public const string DefenseKind = "train defenses";
    public const string VariantKind = "build pruning variants";
    public static string SurrogateKind(string adversary) => $"train surrogates {adversary}";

    /// <summary>Weight names ("owner/role") of a stored cell that show this unit's artefact.</summary>
    public bool Shows(string weightName) => TimingKey switch
    {
        TimingKeys.TrainBackbones => weightName == $"{BackboneOwner}/backbone",
        TimingKeys.TrainSurrogates => weightName == $"{Cell.Adversary}/surrogate",
        TimingKeys.BuildVariants => weightName.StartsWith($"{OwnerInKey}/", StringComparison.Ordinal),
        _ => weightName.StartsWith($"{Cell.Defense}/", StringComparison.Ordinal),
    };

    /// <summary>The units a cell needs: the backbone, the defense's own networks, the variant build, the surrogate.</summary>
    public static IEnumerable<TrainingUnit> Of(GridCell cell, ICostModel model)
    {
        var block = $"{cell.Profile}|{cell.Dataset}|{cell.Seed}";
        yield return new TrainingUnit(BackboneKind, block, TimingKeys.TrainBackbones, cell);
        if (cell.Defense != BackboneOwner && !model.SharesBackbone(cell.Defense))
            yield return new TrainingUnit(DefenseKind, $"{block}|{cell.Defense}", TimingKeys.TrainDefenses, cell);
        if (cell.Variant != Core.Training.DenseVariant.VariantId)
            yield return new TrainingUnit(VariantKind, $"{block}|{cell.Variant}|{VariantOwner(cell, model)}", TimingKeys.BuildVariants, cell);
        if (cell.Kind == CellKinds.Transfer && cell.Adversary is { } adversary)
        {
            var q = cell.Q?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            // The pure black-box surrogate never sees the defense: one per (dataset, q, seed), whatever the variant or defense.
            var key = adversary == AdversaryIds.PureBlackBox ? $"{block}|{q}" : $"{block}|{cell.Variant}|{cell.Defense}|{q}";
            yield return new TrainingUnit(SurrogateKind(adversary), key, TimingKeys.TrainSurrogates, cell);
        }
    }

    private string OwnerInKey => Key[(Key.LastIndexOf('|') + 1)..];

    private static string VariantOwner(GridCell cell, ICostModel model) =>
        cell.Defense == BackboneOwner || model.SharesBackbone(cell.Defense) ? BackboneOwner : cell.Defense;
}
