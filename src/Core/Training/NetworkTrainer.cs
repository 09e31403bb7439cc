using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Robustness.Core.Artefacts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// Trains networks through the <see cref="ArtefactStore"/>: the dense network's key is the request's fields, its
/// Config and the SHA-256 of the data; a hit loads the weights, a miss trains with <see cref="Trainer"/> (checkpoints
/// in the store's work directory, so a killed process resumes) under the key's lock and commits the artefact.
/// The variant's result is its own artefact, keyed by (dense artefact hash, variant id, variant settings).
/// </summary>
public sealed class NetworkTrainer(
    ArtefactStore store, Device device, INetworkVariant? variant = null,
    IProgress<TrainingProgress>? progress = null, Action<string>? log = null) : INetworkTrainer
{
    public const string WeightsFile = "weights.safetensors";
    private const int KeyFormat = 1;
    private static readonly ConditionalWeakTable<LabeledImages, Dictionary<string, string>> DataHashes = new();
    private readonly INetworkVariant variant = variant ?? DenseVariant.Instance;

    public string VariantId => variant.Id;
    public INetworkVariant Variant => variant;
    public ArtefactStore Store => store;
    public Device Device => device;

    /// <summary>The dense artefact's key hash for <paramref name="request"/> on <paramref name="data"/> (nothing is trained).</summary>
    public string DenseHash(NetworkRequest request, LabeledImages data) => ArtefactStore.HashOf(DenseKey(request, data));

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        network.to(device);
        var dense = TrainOrLoadDense(request, network, data);
        if (variant.Id == DenseVariant.VariantId) return dense;
        var key = new JsonObject { ["kind"] = "variant", ["format"] = KeyFormat, ["dense"] = dense.ArtefactHash, ["variant"] = variant.Id };
        if (variant.Settings is { } settings) key["settings"] = settings.DeepClone();
        var hash = ArtefactStore.HashOf(key);
        using var held = store.Lock(hash);
        if (store.Exists(hash)) return Load(hash, network, 0);
        var watch = Stopwatch.StartNew();
        variant.Apply(network, request, data, device);
        var metrics = new Dictionary<string, double>(dense.Metrics) { [TrainingReport.VariantSecondsMetric] = watch.Elapsed.TotalSeconds };
        Commit(hash, key, request, data, network, metrics, watch.Elapsed.TotalSeconds);
        return new TrainingReport(hash, false, dense.EpochsRun, dense.Seconds + watch.Elapsed.TotalSeconds, dense.FinalLoss, metrics);
    }

    private TrainingReport TrainOrLoadDense(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        var key = DenseKey(request, data);
        var hash = ArtefactStore.HashOf(key);
        using var held = store.Lock(hash);
        if (store.Exists(hash)) return Load(hash, network, 0);
        var trainer = new Trainer
        {
            Recipe = request.Recipe, Device = device, Seed = request.Seed, Name = $"{request.Owner}/{request.Role}",
            Loss = request.Loss, InputTransform = request.InputTransform, Progress = progress, Log = log,
            CheckpointDirectory = store.WorkDirectory(hash),
        };
        var outcome = trainer.Train(network, data);
        var metrics = new Dictionary<string, double>
        {
            ["finalLoss"] = outcome.FinalLoss, ["resumedFromEpoch"] = outcome.ResumedFromEpoch, [TrainingReport.TrainingSecondsMetric] = outcome.Seconds,
        };
        Commit(hash, key, request, data, network, metrics, outcome.Seconds);
        store.DeleteWorkDirectory(hash);
        return new TrainingReport(hash, false, outcome.EpochsRun, outcome.Seconds, outcome.FinalLoss, metrics);
    }

    private TrainingReport Load(string hash, nn.Module<Tensor, Tensor> network, int epochs)
    {
        var manifest = store.Open(hash);
        network.load_safetensors(store.FilePath(hash, WeightsFile));
        network.to(device);
        network.eval();
        log?.Invoke($"loaded artefact {hash[..12]} from {store.Root}");
        return new TrainingReport(hash, true, epochs, 0, manifest.Metrics.GetValueOrDefault("finalLoss", double.NaN), manifest.Metrics);
    }

    private void Commit(string hash, JsonObject key, NetworkRequest request, LabeledImages data, nn.Module<Tensor, Tensor> network,
        Dictionary<string, double> metrics, double seconds)
    {
        var manifest = new ArtefactManifest
        {
            Hash = hash, Key = key, Seed = request.Seed, DataSha256 = Hashes(data), Versions = Versions(), Device = device.ToString(),
            Metrics = metrics, TimingsSeconds = new() { ["training"] = seconds },
        };
        store.Commit(manifest, dir => network.save_safetensors(Path.Combine(dir, WeightsFile)));
    }

    private static JsonObject DenseKey(NetworkRequest request, LabeledImages data)
    {
        var config = new JsonObject();
        foreach (var (k, v) in (request.Config ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)) config[k] = v;
        var hashes = Hashes(data);
        return new JsonObject
        {
            ["kind"] = "network", ["format"] = KeyFormat, ["owner"] = request.Owner, ["role"] = request.Role,
            ["architecture"] = request.ArchitectureId, ["recipe"] = System.Text.Json.JsonSerializer.SerializeToNode(request.Recipe, ProfileJson.Options),
            ["seed"] = request.Seed, ["config"] = config, ["images"] = hashes["images"], ["labels"] = hashes["labels"], ["count"] = data.Count,
        };
    }

    private static Dictionary<string, string> Hashes(LabeledImages data)
    {
        lock (DataHashes)
            return new Dictionary<string, string>(DataHashes.GetValue(data, d => new Dictionary<string, string>
            {
                ["images"] = TensorHash.Sha256(d.Images), ["labels"] = TensorHash.Sha256(d.Labels),
            }));
    }

    internal static Dictionary<string, string> Versions() => new()
    {
        ["TorchSharp"] = typeof(torch).Assembly.GetName().Version?.ToString() ?? "?",
        ["Robustness.Core"] = typeof(NetworkTrainer).Assembly.GetName().Version?.ToString() ?? "?",
        [".NET"] = Environment.Version.ToString(),
    };
}
