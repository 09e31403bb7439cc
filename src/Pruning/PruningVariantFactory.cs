using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Pruning;

/// <summary>Builds the network variant of a run from its id: "dense", or a pruning id such as "slr-0.8-irregular".</summary>
public sealed class PruningVariantFactory
{
    public const string ProfileSection = "pruning";

    /// <param name="profile">Supplies the "pruning" section (epochs, learning rates, SLR/ADMM settings); null: defaults.</param>
    public INetworkVariant Create(string variantId, DatasetProfile? profile = null, Action<string>? log = null)
    {
        if (variantId == DenseVariant.VariantId) return DenseVariant.Instance;
        var options = profile?.Section(ProfileSection, new PruningOptions()) ?? new PruningOptions();
        return new PruningVariant(PruningSpec.Parse(variantId), options, log);
    }

    public static bool IsPruningId(string variantId) => PruningSpec.LooksLikeId(variantId);
}
