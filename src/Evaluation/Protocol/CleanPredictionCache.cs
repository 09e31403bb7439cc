using System.Text.Json.Nodes;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// The defense's answers on the clean test subset, once per (oracle: defense as fitted, its networks, profile,
/// dataset, seed, variant; test subset): every cell of that defense selects its correctly classified points from
/// them instead of re-predicting (a randomised defense's repeated passes dominate its cells otherwise). Kept in
/// memory and, when a store is given, committed to it under the key's lock so other processes load them.
/// A randomised defense's cached answers are the draw of the cell that first computed them.
/// </summary>
internal sealed class CleanPredictionCache(ArtefactStore? store, int capacity = 64)
{
    private const string File = "predictions.bin";
    private readonly BoundedCache<long[]> memory = new(capacity);
    private readonly object gate = new();
    private int hits, loads, builds;

    public CacheCounts Counts
    {
        get { lock (gate) return new CacheCounts("clean predictions", hits, loads, builds); }
    }

    /// <summary>The cached answers for (<paramref name="oracleKey"/>, <paramref name="test"/>), or those <paramref name="predict"/> gives (then kept).</summary>
    public long[] GetOrAdd(string oracleKey, IFittedDefense defense, LabeledImages test, Func<long[]> predict)
    {
        var key = new JsonObject
        {
            ["kind"] = "clean-predictions", ["format"] = 1, ["oracle"] = oracleKey, ["defense"] = defense.Id,
            ["test"] = DataDigest.Of(test), ["count"] = test.Count,
        };
        var hash = ArtefactStore.HashOf(key);
        lock (gate)
        {
            if (memory.TryGet(hash, out var found))
            {
                hits++;
                return found;
            }
            long[] answers;
            if (store is null)
            {
                answers = Checked(predict(), test.Count, defense);
                builds++;
            }
            else
            {
                using var held = store.Lock(hash);
                if (store.Exists(hash))
                {
                    store.Open(hash);
                    answers = Read(store.FilePath(hash, File));
                    loads++;
                }
                else
                {
                    answers = Checked(predict(), test.Count, defense);
                    store.Commit(new ArtefactManifest { Hash = hash, Key = key, Metrics = new() { ["count"] = answers.Length } },
                        dir => Write(Path.Combine(dir, File), answers));
                    builds++;
                }
            }
            memory.Add(hash, answers);
            return answers;
        }
    }

    private static long[] Checked(long[] answers, int count, IFittedDefense defense) => answers.Length == count ? answers
        : throw new InvalidOperationException($"defense '{defense.Id}' gave {answers.Length} answers for {count} clean test images.");

    private static void Write(string path, long[] values)
    {
        using var writer = new BinaryWriter(System.IO.File.Create(path));
        writer.Write(values.Length);
        foreach (var value in values) writer.Write(value);
    }

    private static long[] Read(string path)
    {
        using var reader = new BinaryReader(System.IO.File.OpenRead(path));
        var values = new long[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadInt64();
        return values;
    }
}
