namespace Robustness.Evaluation.Store;

/// <summary>
/// Keys of a stored cell's timings (seconds). "total" is the cell's wall time; the training keys are the parts of it
/// spent training networks that were not in the artefact store yet (zero or absent when everything loaded), so an
/// estimate can drop them once those artefacts exist. Stores written before the training keys existed have only
/// "total" and the phase keys: their cells count as measured, with no training split out.
/// </summary>
public static class TimingKeys
{
    public const string Total = "total";
    /// <summary>Dense networks of the undefended backbone ("vanilla") trained in this cell.</summary>
    public const string TrainBackbones = "train-backbones";
    /// <summary>Dense networks of a defense trained in this cell.</summary>
    public const string TrainDefenses = "train-defenses";
    /// <summary>Adversary surrogate rounds trained in this cell.</summary>
    public const string TrainSurrogates = "train-surrogates";
    /// <summary>Pruning variants (prune + masked retraining) built in this cell.</summary>
    public const string BuildVariants = "build-variants";

    public static readonly IReadOnlyList<string> Training = [TrainBackbones, TrainDefenses, TrainSurrogates, BuildVariants];
}
