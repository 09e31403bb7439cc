using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Core.Artefacts;
using Robustness.Core.Profiles;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robustness.Pruning;

/// <summary>
/// A pruned network in the artefact store: weights.safetensors, mask.safetensors (0/1 per pruned layer) and
/// pruning.json (the summary with the per-epoch log), keyed by the dense artefact's hash, the variant id, the
/// pruning options and the seed.
/// </summary>
public static class PrunedArtefact
{
    public const string WeightsFile = "weights.safetensors";
    public const string MaskFile = "mask.safetensors";
    public const string SummaryFile = "pruning.json";

    public static string Hash(string denseHash, PruningSpec spec, PruningOptions options, long seed) =>
        ArtefactStore.HashOf(Key(denseHash, spec, options, seed));

    public static ArtefactManifest Commit(ArtefactStore store, string denseHash, nn.Module<Tensor, Tensor> network,
        PruningResult result, PruningSummary summary)
    {
        var key = Key(denseHash, result.Spec, result.Options, result.Seed);
        var manifest = new ArtefactManifest
        {
            Hash = ArtefactStore.HashOf(key), Key = key, Seed = result.Seed,
            Metrics = new()
            {
                ["denseAccuracy"] = result.DenseAccuracy, ["hardPrunedAccuracy"] = result.HardPrunedAccuracy,
                ["retrainedAccuracy"] = result.RetrainedAccuracy, ["sparsity"] = result.Sparsity.Sparsity,
                ["prunedLayerSparsity"] = result.Sparsity.PrunedLayerSparsity, ["denseFlops"] = result.Sparsity.DenseFlops,
                ["sparseFlops"] = result.Sparsity.SparseFlops, ["trainingFlops"] = result.TrainingFlops,
            },
            TimingsSeconds = new() { ["pruning"] = result.PhaseSeconds, ["retraining"] = result.RetrainSeconds },
        };
        return store.Commit(manifest, dir =>
        {
            network.save_safetensors(Path.Combine(dir, WeightsFile));
            result.Mask.Save(Path.Combine(dir, MaskFile));
            File.WriteAllText(Path.Combine(dir, SummaryFile), JsonSerializer.Serialize(summary, ProfileJson.Options));
        });
    }

    /// <summary>Loads the pruned weights of artefact <paramref name="hash"/> into <paramref name="network"/> (checksums verified).</summary>
    public static ArtefactManifest Load(ArtefactStore store, string hash, nn.Module<Tensor, Tensor> network)
    {
        var manifest = store.Open(hash);
        network.load_safetensors(store.FilePath(hash, WeightsFile));
        return manifest;
    }

    private static JsonObject Key(string denseHash, PruningSpec spec, PruningOptions options, long seed) => new()
    {
        ["kind"] = "pruned", ["format"] = 1, ["dense"] = denseHash, ["variant"] = spec.Id, ["seed"] = seed,
        ["options"] = JsonSerializer.SerializeToNode(options, ProfileJson.Options),
    };
}
