using System.Text.Json;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Grid;

/// <summary>Reads and validates a grid config; every problem is one <see cref="GridConfigException"/> naming the file.</summary>
public static class GridConfigFile
{
    /// <summary>Where configs live: configs/ at the repository root (searched upward from the working directory).</summary>
    public static string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        var fileName = nameOrPath.EndsWith(".json", StringComparison.Ordinal) ? nameOrPath : nameOrPath + ".json";
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "configs", fileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new GridConfigException($"Config '{nameOrPath}' not found (neither a file nor configs/{fileName} above the working directory).");
    }

    public static GridConfig Load(string nameOrPath, string? profileOverride = null)
    {
        var path = Resolve(nameOrPath);
        GridConfig? config;
        try
        {
            var text = File.ReadAllText(path);
            using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
                if (UnknownConfigFields.Find<GridConfig>(document.RootElement, ProfileJson.Options) is { } unknown)
                    throw new GridConfigException($"Config '{path}': {unknown}.");
            }
            config = JsonSerializer.Deserialize<GridConfig>(text, ProfileJson.Options);
        }
        catch (JsonException e)
        {
            throw new GridConfigException($"Config '{path}': invalid JSON at line {e.LineNumber + 1}{(e.Path is null ? "" : $", field '{e.Path}'")}: {e.Message}", e);
        }
        if (config is null) throw new GridConfigException($"Config '{path}': empty document.");
        if (profileOverride is not null) config = config with { Profile = profileOverride };
        Validate(config, path);
        return config;
    }

    /// <summary>Loads and validates, then checks the ids and sizes it names against the registered plug-ins and the profiles.</summary>
    public static GridConfig Load(string nameOrPath, string? profileOverride, IServiceProvider services, string? profilesFile)
    {
        var config = Load(nameOrPath, profileOverride);
        GridConfigReferences.Check(config, services, ProfileCatalog.Load(profilesFile), Resolve(nameOrPath));
        return config;
    }

    public static void Validate(GridConfig c, string source)
    {
        void Fail(string field, object? value, string why) =>
            throw new GridConfigException($"Config '{source}': field '{field}' = '{value}' {why}.");

        if (string.IsNullOrWhiteSpace(c.Name) || !PluginIds.IsValid(c.Name)) Fail("name", c.Name, "must be kebab-case");
        if (!ProfileNames.All.Contains(c.Profile) && !PluginIds.IsValid(c.Profile)) Fail("profile", c.Profile, "is not a profile name");
        if (c.Datasets.Count == 0) Fail("datasets", "[]", "must list at least one dataset");
        foreach (var d in c.Datasets)
            if (!Core.Data.DatasetIds.All.Contains(d)) Fail("datasets", d, $"is unknown (known: {string.Join(", ", Core.Data.DatasetIds.All)})");
        if (c.Variants.Count == 0) Fail("variants", "[]", "must list at least one variant (\"dense\")");
        foreach (var id in c.Variants.Concat(c.Defenses).Concat(c.Adversaries).Concat(c.Attacks).Append(c.Baseline))
            if (!PluginIds.IsValid(id)) Fail("id", id, "is not kebab-case");
        foreach (var q in c.Q)
            if (q is <= 0 or > 1) Fail("q", q, "must be in (0, 1]");
        foreach (var g in c.Goals)
            if (!AttackGoals.All.Contains(g)) Fail("goals", g, "must be untargeted or targeted");
        if (c.Seeds.Count == 0) Fail("seeds", "[]", "must list at least one seed");
        if (c.Seeds.Distinct().Count() != c.Seeds.Count) Fail("seeds", string.Join(",", c.Seeds), "has duplicates");
        foreach (var seed in c.Seeds)
            if (seed < 0) Fail("seeds", seed, "must be >= 0");
        if (c.AttackedPoints <= 0) Fail("attackedPoints", c.AttackedPoints, "must be positive");
        foreach (var s in c.Checklist.EpsilonScales)
            if (s <= 0) Fail("checklist.epsilonScales", s, "must be positive");
        foreach (var (dataset, eps) in c.Checklist.NoiseEpsilon)
            if (eps is <= 0 or > 1) Fail($"checklist.noiseEpsilon.{dataset}", eps, "must be in (0, 1]");
    }
}
