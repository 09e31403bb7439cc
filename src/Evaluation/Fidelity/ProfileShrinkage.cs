using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Fidelity;

/// <summary>
/// What a profile shrinks (or changes) against the paper profile, derived from profiles.json rather than restated:
/// for a section, every setting either profile sets, with the option record's default standing in where a profile
/// leaves it out. The pseudo-section <see cref="BackboneSection"/> compares the backbone, its recipe and the data limits.
/// </summary>
internal static class ProfileShrinkage
{
    public const string BackboneSection = "backbone";

    public static IReadOnlyList<SettingDifference> Compare(ProfileCatalog profiles, string profile, IEnumerable<string> datasets, string section)
    {
        var differences = new List<SettingDifference>();
        if (profile == ProfileNames.Paper || !profiles.Profiles.Contains(ProfileNames.Paper)) return differences;
        var defaults = section == BackboneSection ? null : OptionDefaults.For(section);
        foreach (var dataset in datasets)
        {
            var run = Settings(profiles.Get(profile, dataset), section);
            var paper = Settings(profiles.Get(ProfileNames.Paper, dataset), section);
            var fallback = Flatten(defaults);
            foreach (var key in run.Keys.Union(paper.Keys).Order(StringComparer.Ordinal))
            {
                var value = run.GetValueOrDefault(key) ?? fallback.GetValueOrDefault(key);
                var paperValue = paper.GetValueOrDefault(key) ?? fallback.GetValueOrDefault(key);
                if (!SameValue(value, paperValue))
                    differences.Add(new SettingDifference($"{section}.{key}", dataset, Text(value), Text(paperValue)));
            }
        }
        return differences;
    }

    /// <summary>The settings a profile states explicitly for a section, flattened to dotted keys.</summary>
    private static Dictionary<string, JsonNode?> Settings(DatasetProfile profile, string section)
    {
        if (section == BackboneSection)
        {
            var backbone = new JsonObject
            {
                ["backbone"] = profile.Backbone,
                ["backboneRecipe"] = JsonSerializer.SerializeToNode(profile.BackboneRecipe, ProfileJson.Options),
                ["trainLimit"] = profile.TrainLimit,
                ["testLimit"] = profile.TestLimit,
            };
            return Flatten(backbone);
        }
        JsonNode? node = profile.Sections;
        foreach (var part in section.Split('.'))
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        return Flatten(node as JsonObject);
    }

    private static Dictionary<string, JsonNode?> Flatten(JsonObject? obj)
    {
        var flat = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (obj is not null) Flatten(obj, "", flat);
        return flat;
    }

    private static void Flatten(JsonObject obj, string prefix, Dictionary<string, JsonNode?> flat)
    {
        foreach (var (key, value) in obj)
        {
            var name = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject child) Flatten(child, name, flat);
            else flat[name] = value;
        }
    }

    /// <summary>Equal as settings: numbers by value (1 and 1.0 agree), arrays element by element, the rest as JSON.</summary>
    private static bool SameValue(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameValue(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy) => dx == dy,
        _ => JsonNode.DeepEquals(a, b),
    };

    private static string Text(JsonNode? value) => value switch
    {
        null => "unset",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("G", CultureInfo.InvariantCulture),
        JsonArray a => $"[{string.Join(", ", a.Select(Text))}]",
        _ => value.ToJsonString(),
    };
}
