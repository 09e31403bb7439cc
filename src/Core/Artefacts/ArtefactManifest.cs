using System.Text.Json.Nodes;

namespace Robustness.Core.Artefacts;

/// <summary>
/// manifest.json of an artefact: what produced it (key fields, seed, data hashes, package versions, device),
/// what came out (metrics, timings) and the SHA-256 of every file, verified on load.
/// </summary>
public sealed record ArtefactManifest
{
    public required string Hash { get; init; }
    public required JsonNode Key { get; init; }
    public long Seed { get; init; }
    public Dictionary<string, string> DataSha256 { get; init; } = new();
    public Dictionary<string, string> Versions { get; init; } = new();
    public string Device { get; init; } = "cpu";
    public Dictionary<string, double> Metrics { get; init; } = new();
    public Dictionary<string, double> TimingsSeconds { get; init; } = new();
    public Dictionary<string, string> Files { get; set; } = new();
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
}
