using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Fidelity;

/// <summary>
/// A run's Deviations: for exactly the components it used, the documented differences in force under its profile
/// (from the <see cref="FidelityCatalog"/>) and what its profile changes against the paper profile (derived from
/// profiles.json). A component with no fidelity entry is listed as "no reference recorded".
/// </summary>
public static class RunDeviations
{
    public const string NoReference = "no reference recorded";

    public static IReadOnlyList<DeviationRow> For(FidelityCatalog catalog, ProfileCatalog profiles, string profile, IReadOnlyList<RunComponent> components)
    {
        var rows = new List<DeviationRow>();
        foreach (var used in components)
        {
            var name = $"{used.Kind} {used.Id}";
            var entry = catalog.Find(used.Kind, used.Id);
            if (entry is null)
            {
                rows.Add(new(name, "—", NoReference, "—", "—", "unknown"));
                continue;
            }
            foreach (var d in entry.Differences.Where(d => d.AppliesTo(profile)))
                rows.Add(new(name, d.Aspect, d.Framework, d.Paper, d.Source, DeliberateText(d)));
            foreach (var section in entry.Sections)
                rows.AddRange(Shrinkage(profiles, profile, used.Datasets, section, entry.NoEffectSettings)
                    .Select(s => new DeviationRow(name, $"{profile} profile: {s.Setting}", s.Value, $"{s.PaperValue} (paper profile)", "profiles.json", "profile")));
        }
        return rows;
    }

    public static string DeliberateText(FidelityDifference d) =>
        d.Deliberate ? "yes" : d.Tracking is null ? "no" : $"no ({d.Tracking})";

    /// <summary>A profile's differences in one section, one line per setting where every dataset agrees, else one per dataset ("setting (dataset)").</summary>
    public static IEnumerable<(string Setting, string Value, string PaperValue)> Shrinkage(
        ProfileCatalog profiles, string profile, IReadOnlyList<string> datasets, string section, IReadOnlyList<string> noEffectSettings)
    {
        if (!profiles.Profiles.Contains(profile)) yield break;
        IEnumerable<SettingDifference> differences;
        string? notCompared = null;
        try
        {
            differences = ProfileShrinkage.Compare(profiles, profile, datasets, section).Where(d => !noEffectSettings.Contains(d.Setting)).ToList();
        }
        catch (ArgumentException e) // a dataset one of the two profiles does not define: say so rather than fail the report
        {
            differences = [];
            notCompared = e.Message;
        }
        if (notCompared is not null) yield return (section, "not compared", notCompared);
        foreach (var setting in differences.GroupBy(d => d.Setting))
        {
            var perDataset = setting.ToList();
            var uniform = perDataset.Count == datasets.Count && perDataset.Select(d => (d.Value, d.PaperValue)).Distinct().Count() == 1;
            if (uniform)
                yield return (setting.Key, perDataset[0].Value, perDataset[0].PaperValue);
            else
                foreach (var d in perDataset)
                    yield return ($"{setting.Key} ({d.Dataset})", d.Value, d.PaperValue);
        }
    }
}
