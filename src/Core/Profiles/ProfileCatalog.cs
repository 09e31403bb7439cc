using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Robustness.Core.Profiles;

/// <summary>
/// The one place profiles are defined: profiles.json (embedded; a file given by the user replaces it).
/// Layout: { "quick": { "sections": {...shared...}, "datasets": { "cifar10": { ...DatasetProfile..., "sections": {...} } } } }.
/// Dataset sections are merged over the profile's shared sections.
/// </summary>
public sealed class ProfileCatalog
{
    private readonly JsonObject root;
    private readonly string source;

    private ProfileCatalog(JsonObject root, string source)
    {
        this.root = root;
        this.source = source;
    }

    public static ProfileCatalog Default()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Robustness.Core.Profiles.profiles.json")
            ?? throw new InvalidOperationException("profiles.json is not embedded in Robustness.Core");
        return Parse(stream, "embedded profiles.json");
    }

    public static ProfileCatalog Load(string? path)
    {
        if (string.IsNullOrEmpty(path)) return Default();
        if (!File.Exists(path)) throw new FileNotFoundException($"Profiles file '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    private static ProfileCatalog Parse(Stream stream, string source)
    {
        try
        {
            var node = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new ProfileCatalog(node as JsonObject ?? throw new InvalidDataException($"{source}: the root must be an object"), source);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    public IEnumerable<string> Profiles => root.Select(p => p.Key);

    public DatasetProfile Get(string profile, string dataset)
    {
        if (root[profile] is not JsonObject p)
            throw new ArgumentException($"{source}: no profile '{profile}' (known: {string.Join(", ", Profiles)})", nameof(profile));
        if (p["datasets"]?[dataset] is not JsonObject d)
            throw new ArgumentException($"{source}: profile '{profile}' has no dataset '{dataset}'", nameof(dataset));
        var merged = (JsonObject)d.DeepClone();
        var sections = (p["sections"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        if (d["sections"] is JsonObject own) MergeInto(sections, own);
        merged["sections"] = sections;
        merged["name"] = profile;
        merged["dataset"] = dataset;
        try
        {
            return merged.Deserialize<DatasetProfile>(ProfileJson.Options)
                ?? throw new InvalidDataException($"{source}: profile '{profile}' dataset '{dataset}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: profile '{profile}' dataset '{dataset}': {e.Message}", e);
        }
    }

    private static void MergeInto(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject child && target[key] is JsonObject existing) MergeInto(existing, child);
            else target[key] = value?.DeepClone();
        }
    }
}
