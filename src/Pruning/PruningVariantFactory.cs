using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Pruning;

/// <summary>Builds the network variant of a run from its id: "dense", or a pruning id such as "slr-0.8-irregular".</summary>
public sealed class PruningVariantFactory
{
    public const string ProfileSection = "pruning";

    /// <param name="profile">Supplies the "pruning" section (epochs, learning rates, SLR/ADMM settings); null: defaults.</param>
    /// <param name="heldOut">Given n, the first n held-out (test) images on which a pruning variant measures its accuracies.</param>
    /// <param name="progress">Receives the pruning and retraining epochs' batch progress; null: none.</param>
    public INetworkVariant Create(string variantId, DatasetProfile? profile, Func<int, LabeledImages> heldOut, Action<string>? log = null,
        IProgress<TrainingProgress>? progress = null)
    {
        if (variantId == DenseVariant.VariantId) return DenseVariant.Instance;
        return new PruningVariant(PruningSpec.Parse(variantId), Options(profile), heldOut, log, progress);
    }

    /// <summary>The profile's "pruning" section over the defaults.</summary>
    public static PruningOptions Options(DatasetProfile? profile) =>
        profile?.Section(ProfileSection, new PruningOptions()) ?? new PruningOptions();

    public static bool IsPruningId(string variantId) => PruningSpec.LooksLikeId(variantId);
}
