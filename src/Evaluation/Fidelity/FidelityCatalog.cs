using System.Reflection;
using System.Text.Json;
using Robustness.Core.Fidelity;

namespace Robustness.Evaluation.Fidelity;

/// <summary>
/// The one source of fidelity facts: fidelity.json (embedded), one entry per built-in component, plus any a
/// plug-in declared. docs/fidelity.md and every report's Deviations section are generated from it.
/// </summary>
public sealed class FidelityCatalog
{
    public const string ResourceName = "Robustness.Evaluation.Fidelity.fidelity.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<(string Kind, string Id), ComponentFidelity> byKey;

    private FidelityCatalog(IReadOnlyList<ComponentFidelity> components, string source)
    {
        byKey = [];
        foreach (var c in components)
        {
            Validate(c, source);
            if (!byKey.TryAdd((c.Kind, c.Id), c))
                throw new InvalidDataException($"{source}: {c.Kind} '{c.Id}' is described twice.");
        }
        Components = components;
    }

    /// <summary>Every component, in file order (plug-in declarations last).</summary>
    public IReadOnlyList<ComponentFidelity> Components { get; }

    public static FidelityCatalog Default()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Robustness.Evaluation");
        return Parse(stream, "embedded fidelity.json");
    }

    public static FidelityCatalog Parse(Stream json, string source)
    {
        try
        {
            var file = JsonSerializer.Deserialize<FidelityFile>(json, JsonOptions)
                ?? throw new InvalidDataException($"{source}: empty");
            return new FidelityCatalog(file.Components.Select(c => Resolve(c, file.Shared ?? new Dictionary<string, FidelityDifference>(), source)).ToList(), source);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: invalid at {e.Path} (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>This catalog plus the components plug-ins declared (a declaration may not replace a built-in entry).</summary>
    public FidelityCatalog With(IEnumerable<ComponentFidelity> declared) =>
        new([.. Components, .. declared], "fidelity.json and plug-in declarations");

    public ComponentFidelity? Find(string kind, string id) => byKey.GetValueOrDefault((kind, id));

    public IEnumerable<ComponentFidelity> OfKind(string kind) => Components.Where(c => c.Kind == kind);

    private static void Validate(ComponentFidelity c, string source)
    {
        var where = $"{source}: {c.Kind} '{c.Id}'";
        if (!FidelityKinds.All.Contains(c.Kind)) throw new InvalidDataException($"{where}: unknown kind (known: {string.Join(", ", FidelityKinds.All)}).");
        foreach (var (name, value) in new[] { ("title", c.Title), ("reference", c.Reference), ("paper", c.Paper), ("framework", c.Framework) })
            if (string.IsNullOrWhiteSpace(value)) throw new InvalidDataException($"{where}: '{name}' is empty.");
        foreach (var d in c.Differences)
            foreach (var (name, value) in new[] { ("aspect", d.Aspect), ("paper", d.Paper), ("source", d.Source), ("framework", d.Framework) })
                if (string.IsNullOrWhiteSpace(value)) throw new InvalidDataException($"{where}, difference '{d.Aspect}': '{name}' is empty.");
    }

    /// <summary>Appends the shared differences a component names, in the order it names them.</summary>
    private static ComponentFidelity Resolve(ComponentFidelity c, IReadOnlyDictionary<string, FidelityDifference> shared, string source)
    {
        var missing = c.Shared.FirstOrDefault(key => !shared.ContainsKey(key));
        if (missing is not null)
            throw new InvalidDataException($"{source}: {c.Kind} '{c.Id}' uses shared difference '{missing}', which the 'shared' table lacks (has: {string.Join(", ", shared.Keys)}).");
        return c.Shared.Count == 0 ? c : c with { Differences = [.. c.Differences, .. c.Shared.Select(key => shared[key])], Shared = [] };
    }

    /// <param name="Shared">Differences several components share, by key (each described once).</param>
    private sealed record FidelityFile(IReadOnlyList<ComponentFidelity> Components, IReadOnlyDictionary<string, FidelityDifference>? Shared = null);
}
