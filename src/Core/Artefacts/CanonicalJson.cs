using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Core.Profiles;

namespace Robustness.Core.Artefacts;

/// <summary>
/// Canonical JSON of a key object (camelCase names, object keys sorted ordinally, no whitespace) and its SHA-256:
/// the same fields always give the same hash, whatever the declaration order.
/// </summary>
internal static class CanonicalJson
{
    public static string Serialize(object key)
    {
        var node = key as JsonNode ?? JsonSerializer.SerializeToNode(key, key.GetType(), ProfileJson.Options);
        return Sorted(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
    }

    public static string Sha256(object key) => HexSha256(Encoding.UTF8.GetBytes(Serialize(key)));

    public static string HexSha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
