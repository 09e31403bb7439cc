using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Robustness.Core.Data;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>Builds cell manifests: SHA-256 of the dataset files (hashed once per process), versions, seeds, device.</summary>
public sealed class Provenance(EvaluationEnvironment environment)
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> VersionTable = new(ReadVersions);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> dataHashes = new();

    public ProvenanceManifest For(GridCell cell, IReadOnlyDictionary<string, string> weights, IReadOnlyDictionary<string, long>? seeds = null)
    {
        var allSeeds = new Dictionary<string, long> { ["cell"] = cell.Seed };
        foreach (var (k, v) in seeds ?? new Dictionary<string, long>()) allSeeds[k] = v;
        return new ProvenanceManifest(DataHashes(cell.Dataset), weights, VersionTable.Value, allSeeds, environment.Device.ToString(), cell.Profile);
    }

    public IReadOnlyDictionary<string, string> DataHashes(string dataset) =>
        dataHashes.GetOrAdd(dataset, d => new Lazy<IReadOnlyDictionary<string, string>>(() => HashFolder(d))).Value;

    private IReadOnlyDictionary<string, string> HashFolder(string dataset)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!DataDirectory.TryResolve(dataset, environment.DataDirectory, out var folder))
        {
            hashes[dataset] = "unavailable (data not read from a dataset folder)";
            return hashes;
        }
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            hashes[$"{dataset}/{Path.GetFileName(file)}"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return hashes;
    }

    private static IReadOnlyDictionary<string, string> ReadVersions()
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".NET"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
        };
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name ?? "";
            if (!name.StartsWith("Robustness", StringComparison.Ordinal) && name != "TorchSharp") continue;
            versions[name] = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                             ?? assembly.GetName().Version?.ToString() ?? "?";
        }
        return versions;
    }
}
