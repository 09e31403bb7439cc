namespace Robustness.Evaluation.Store;

/// <summary>Where a cell's numbers came from: data and weight hashes, versions, seeds, device and profile.</summary>
/// <param name="DataSha256">Dataset file → SHA-256.</param>
/// <param name="WeightSha256">Network ("owner/role") → artefact hash of its weights.</param>
/// <param name="Versions">Component → version (assemblies, runtime, OS).</param>
/// <param name="Seeds">Purpose → seed.</param>
public sealed record ProvenanceManifest(
    IReadOnlyDictionary<string, string> DataSha256,
    IReadOnlyDictionary<string, string> WeightSha256,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyDictionary<string, long> Seeds,
    string Device,
    string Profile)
{
    public static ProvenanceManifest Empty(string profile) => new(
        new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(),
        new Dictionary<string, long>(), "", profile);
}
