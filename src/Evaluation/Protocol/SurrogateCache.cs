using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using TorchSharp;
using TorchSharp.PyBridge;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Adversary surrogates shared by every cell with the same (adversary and its settings, oracle, dataset, profile,
/// training data, q, seed, query budget), whatever the attack and goal. The last <c>capacity</c> are kept in memory;
/// a built-in adversary's surrogate is also committed to the artefact store (what building it cost, and its final
/// weights: a reference to the final round's network artefact when that is in the same store, else a copy),
/// so another cell, command or process loads it without asking the oracle again or repeating the Jacobian
/// augmentation, and still reports the queries the surrogate cost. Building happens under the key's store lock.
/// </summary>
internal sealed class SurrogateCache(ArtefactStore? store, int capacity = 2) : IDisposable
{
    private const string WeightsFile = "weights.safetensors";
    private const string RecordFile = "surrogate.json";
    private readonly BoundedCache<SurrogateResult> memory = new(capacity);
    private readonly object gate = new();
    private int hits, loads, builds;

    public CacheCounts Counts
    {
        get { lock (gate) return new CacheCounts("surrogates", hits, loads, builds); }
    }

    /// <summary>The surrogate for this adversary, context and budget: from memory, from the store, or built (then kept).</summary>
    public SurrogateLease Acquire(IAdversaryModel adversary, AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget,
        IProgress<AdversaryProgress>? progress = null)
    {
        if (context.HeldOut is not null) // agreement measured on the build is per call: never share it
            return new SurrogateLease(adversary.BuildSurrogate(context, oracle, budget, progress), reused: false, owned: true);
        var key = Key(adversary, context, budget);
        var hash = ArtefactStore.HashOf(key);
        lock (gate)
        {
            if (memory.TryGet(hash, out var found))
            {
                hits++;
                return new SurrogateLease(found, reused: true, owned: false);
            }
            var (made, fromStore) = store is not null && AdversaryIds.All.Contains(adversary.Id)
                ? LoadOrBuild(store, key, hash, adversary, context, oracle, budget, progress)
                : (adversary.BuildSurrogate(context, oracle, budget, progress), false);
            if (fromStore) loads++;
            else builds++;
            KeepAlive(made);
            memory.Add(hash, made);
            return new SurrogateLease(made, reused: fromStore, owned: false);
        }
    }

    private static (SurrogateResult Result, bool FromStore) LoadOrBuild(ArtefactStore store, JsonObject key, string hash,
        IAdversaryModel adversary, AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget, IProgress<AdversaryProgress>? progress)
    {
        using var held = store.Lock(hash);
        if (store.Exists(hash))
        {
            try
            {
                return (Load(store, hash, context), true);
            }
            catch (FileNotFoundException)
            {
                // the network artefact the record points to was removed from the store: build again (not recorded twice)
                return (adversary.BuildSurrogate(context, oracle, budget, progress), false);
            }
        }
        var built = adversary.BuildSurrogate(context, oracle, budget, progress);
        try
        {
            var weightsInStore = IsArtefactHash(built.ArtefactHash) && store.Exists(built.ArtefactHash) && File.Exists(store.FilePath(built.ArtefactHash, NetworkTrainer.WeightsFile));
            var record = new SurrogateRecord(built.ArtefactHash, built.TrainingSetSize, built.Queries, built.Rejected, built.OracleForwardPasses,
                built.BuildSeconds, new Dictionary<string, string>(built.Config), WeightsCopied: !weightsInStore);
            var manifest = new ArtefactManifest
            {
                Hash = hash, Key = key, Seed = budget.Seed, Device = context.Device.ToString(),
                Metrics = new() { ["queries"] = built.Queries, ["rejected"] = built.Rejected, ["training-set-size"] = built.TrainingSetSize },
                TimingsSeconds = new() { ["training"] = built.BuildSeconds },
            };
            store.Commit(manifest, dir =>
            {
                if (!weightsInStore) built.Surrogate.Module.save_safetensors(Path.Combine(dir, WeightsFile));
                File.WriteAllText(Path.Combine(dir, RecordFile), JsonSerializer.Serialize(record, ProfileJson.Options));
            });
        }
        catch
        {
            built.Dispose();
            throw;
        }
        return (built, false);
    }

    private static SurrogateResult Load(ArtefactStore store, string hash, AdversaryContext context)
    {
        store.Open(hash); // verifies every file's SHA-256
        var record = JsonSerializer.Deserialize<SurrogateRecord>(File.ReadAllText(store.FilePath(hash, RecordFile)), ProfileJson.Options)
            ?? throw new InvalidDataException($"Surrogate artefact {hash}: empty {RecordFile}.");
        string weights;
        if (record.WeightsCopied) weights = store.FilePath(hash, WeightsFile);
        else
        {
            store.Open(record.ArtefactHash);
            weights = store.FilePath(record.ArtefactHash, NetworkTrainer.WeightsFile);
        }
        var options = context.Profile.Section(AdversaryOptions.SectionName, new AdversaryOptions()).Validated();
        var module = context.Zoo.Create(options.SurrogateArchitecture, new ModelSpec(context.Dataset));
        try
        {
            module.to(context.Device);
            module.load_safetensors(weights);
            module.to(context.Device);
            module.eval();
        }
        catch
        {
            module.Dispose();
            throw;
        }
        return new SurrogateResult(new ModuleClassifier(module, context.Dataset.NumClasses, context.Device), record.ArtefactHash,
            record.TrainingSetSize, record.Queries, record.Rejected, record.OracleForwardPasses, TrainingSeconds: 0, Agreement: null,
            FromCache: true, record.Config)
        {
            BuildSeconds = record.BuildSeconds,
        };
    }

    private static bool IsArtefactHash(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower);

    /// <summary>A kept surrogate must outlive the dispose scope of the cell that built it.</summary>
    private static void KeepAlive(SurrogateResult result)
    {
        foreach (var parameter in result.Surrogate.Module.parameters()) parameter.DetachFromDisposeScope();
        foreach (var buffer in result.Surrogate.Module.buffers()) buffer.DetachFromDisposeScope();
    }

    /// <summary>Everything a built-in adversary's surrogate depends on; the oracle only when the adversary queries it.</summary>
    internal static JsonObject Key(IAdversaryModel adversary, AdversaryContext context, AdversaryBudget budget) => new()
    {
        ["kind"] = "surrogate",
        ["format"] = 1,
        ["adversary"] = adversary.Id,
        ["oracle"] = adversary.QueriesOracle ? context.OracleKey : "",
        ["dataset"] = context.Dataset.Id,
        ["profile"] = context.Profile.Name,
        ["train"] = DataDigest.Of(context.Train),
        ["train-count"] = context.Train.Count,
        ["q"] = budget.Q.ToString("R", CultureInfo.InvariantCulture),
        ["seed"] = budget.Seed,
        ["max-queries"] = budget.MaxQueries?.ToString(CultureInfo.InvariantCulture) ?? "unlimited",
        ["options"] = JsonSerializer.SerializeToNode(context.Profile.Section(AdversaryOptions.SectionName, new AdversaryOptions()), ProfileJson.Options),
        ["networks"] = context.Networks.VariantId,
    };

    public void Dispose()
    {
        lock (gate) memory.Dispose();
    }

    private sealed record SurrogateRecord(string ArtefactHash, int TrainingSetSize, long Queries, long Rejected, long OracleForwardPasses,
        double BuildSeconds, Dictionary<string, string> Config, bool WeightsCopied);
}
