using Robustness.Core.Artefacts;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Estimates;

/// <summary>The estimate of a planned grid against a results store and an artefact store, with the built-in cost model.</summary>
internal static class GridEstimates
{
    /// <param name="store">The results store (null: nothing recorded, e.g. a store file that does not exist yet).</param>
    /// <param name="keepFailed">Whether the run counts failed cells as done (<c>--keep-failed</c>).</param>
    public static GridEstimate For(IServiceProvider services, string? profilesFile, IReadOnlyList<GridCell> cells, string runId,
        IResultsStore? store, string artefactsDirectory, bool keepFailed)
    {
        var statuses = store?.CellStatuses(runId) ?? new Dictionary<string, CellStatus>();
        var timings = store?.Timings() ?? [];
        var objects = Path.Combine(Path.GetFullPath(ArtefactStore.ResolveRoot(artefactsDirectory)), "objects");
        var model = new BuiltInCostModel(services, ProfileCatalog.Load(profilesFile));
        return new GridEstimator(model).Estimate(runId, cells,
            id => statuses.TryGetValue(id, out var status) && (status == CellStatus.Ok || keepFailed),
            timings,
            hash => IsHash(hash) && File.Exists(Path.Combine(objects, hash, ArtefactStore.ManifestFile)));
    }

    private static bool IsHash(string hash) => hash.Length > 0 && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
