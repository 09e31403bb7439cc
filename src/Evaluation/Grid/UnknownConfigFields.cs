using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Robustness.Core.Contracts;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Finds a field the config's records do not have ("attackedPoint" for "attackedPoints"), at any depth, so a typo is an
/// error naming it and the closest known field instead of a setting silently left at its default.
/// </summary>
internal static class UnknownConfigFields
{
    /// <summary>The first unknown field as "path: did you mean …", or null when every field is known.</summary>
    public static string? Find<T>(JsonElement document, JsonSerializerOptions options) =>
        Find(document, typeof(T), new JsonSerializerOptions(options) { TypeInfoResolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() }, "");

    private static string? Find(JsonElement element, Type type, JsonSerializerOptions options, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        var info = options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object) return null; // dictionaries (e.g. noiseEpsilon) take any key
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var field in element.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, comparison));
            if (property is null)
                return $"unknown field '{fieldPath}' ({ClosestName.Hint(field.Name, info.Properties.Select(p => p.Name).ToList())})";
            if (Find(field.Value, property.PropertyType, options, fieldPath) is { } nested) return nested;
        }
        return null;
    }
}
