using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Core.Training;

namespace Robustness.Core.Profiles;

/// <summary>
/// The settings of one profile (smoke / quick / paper) for one dataset. Common fields are typed; sections owned
/// by other projects (attacks, adversaries, defenses, pruning, evaluation) are read with <see cref="Section{T}"/>.
/// </summary>
public sealed record DatasetProfile
{
    public required string Name { get; init; }
    public required string Dataset { get; init; }
    /// <summary>Zoo id of the undefended backbone every defense builds on.</summary>
    public required string Backbone { get; init; }
    public required TrainingRecipe BackboneRecipe { get; init; }
    /// <summary>Training examples used (first n of the training set); null = all.</summary>
    public int? TrainLimit { get; init; }
    /// <summary>Test examples used for clean accuracy (first n); null = all 10 000.</summary>
    public int? TestLimit { get; init; }
    /// <summary>Per-project sections, e.g. "attacks", "adversaries", "defenses", "pruning".</summary>
    public JsonObject Sections { get; init; } = new();

    /// <summary>
    /// Binds section <paramref name="name"/> (a dotted path such as "defenses.bart") over <paramref name="defaults"/>:
    /// fields the profile sets win, the rest keep the defaults of the options record.
    /// </summary>
    public T Section<T>(string name, T defaults) where T : class
    {
        JsonNode? node = Sections;
        foreach (var part in name.Split('.'))
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        if (node is not JsonObject overrides) return defaults;
        var merged = JsonSerializer.SerializeToNode(defaults, ProfileJson.Options)!.AsObject();
        foreach (var (key, value) in overrides)
            merged[key] = value?.DeepClone();
        try
        {
            return merged.Deserialize<T>(ProfileJson.Options)!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Profile '{Name}' dataset '{Dataset}': section '{name}' is invalid: {e.Message}", e);
        }
    }
}
