using System.Text;
using Robustness.Core.Data;
using Robustness.Core.Fidelity;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Fidelity;

/// <summary>
/// docs/fidelity.md, generated from the <see cref="FidelityCatalog"/> and profiles.json: a summary row per component,
/// each component's differences, and what every non-paper profile changes. Regenerate with
/// <see cref="RegenerateCommand"/>; a test fails when the committed file differs.
/// </summary>
public static class FidelityDocument
{
    public const string RelativePath = "docs/fidelity.md";
    public const string RegenerateCommand = "dotnet run -c Release --project src/Cli -- fidelity --out docs/fidelity.md";

    private static readonly Dictionary<string, string> KindTitles = new()
    {
        [FidelityKinds.Protocol] = "Protocol",
        [FidelityKinds.Backbone] = "Backbones",
        [FidelityKinds.Attack] = "Attacks",
        [FidelityKinds.Adversary] = "Adversaries",
        [FidelityKinds.Defense] = "Defenses",
        [FidelityKinds.Pruner] = "Pruners",
    };

    public static string Render(FidelityCatalog catalog, ProfileCatalog profiles)
    {
        var s = new StringBuilder();
        s.AppendLine("# Fidelity: each component against its paper and reference code").AppendLine();
        s.AppendLine("<!-- Generated from src/Evaluation/Fidelity/fidelity.json and src/Core/Profiles/profiles.json. Do not edit by hand: -->");
        s.AppendLine($"<!-- edit those files, then run `{RegenerateCommand}` (a test fails while this file is stale). -->").AppendLine();
        s.AppendLine("What the paper (Mahmood et al., \"Beware the Black-Box\", Entropy 2021) and the reference code of each component do, " +
                     "what this framework does, and whether each difference is deliberate. \"Not deliberate\" marks a difference that changes " +
                     "the numbers and is meant to go; where someone is fixing it, the tracking column says where. Every report's Deviations " +
                     "section lists the rows of the components its run used, plus its profile's settings against the paper profile (last section here).");
        s.AppendLine().AppendLine("## Summary").AppendLine();
        s.AppendLine("| kind | id | paper and reference code | this framework | differences: not deliberate / deliberate |");
        s.AppendLine("|---|---|---|---|---|");
        foreach (var c in Ordered(catalog))
        {
            var open = c.Differences.Count(d => !d.Deliberate);
            var chosen = c.Differences.Count(d => d.Deliberate);
            s.AppendLine($"| {c.Kind} | [{c.Id}](#{Anchor(c)}) | {Cell(c.Paper)} | {Cell(c.Framework)} | {open} / {chosen} |");
        }
        foreach (var kind in FidelityKinds.All)
        {
            var components = catalog.OfKind(kind).ToList();
            if (components.Count == 0) continue;
            s.AppendLine().AppendLine($"## {KindTitles[kind]}");
            foreach (var c in components) RenderComponent(s, c);
        }
        RenderShrinkage(s, catalog, profiles);
        return s.ToString();
    }

    private static IEnumerable<ComponentFidelity> Ordered(FidelityCatalog catalog) => FidelityKinds.All.SelectMany(catalog.OfKind);

    private static void RenderComponent(StringBuilder s, ComponentFidelity c)
    {
        s.AppendLine().AppendLine($"### {c.Kind} {c.Id}").AppendLine();
        s.AppendLine($"**{c.Title}.** Reference: {c.Reference}").AppendLine();
        s.AppendLine($"- Paper and reference code: {c.Paper}");
        s.AppendLine($"- This framework: {c.Framework}");
        if (c.Sections.Count > 0) s.AppendLine($"- Profile sections: {string.Join(", ", c.Sections.Select(x => $"`{x}`"))}");
        s.AppendLine();
        if (c.Differences.Count == 0)
        {
            s.AppendLine("No difference recorded beyond profile settings.");
            return;
        }
        s.AppendLine("| aspect | paper / reference | source | this framework | deliberate | profiles |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in c.Differences)
            s.AppendLine($"| {Cell(d.Aspect)} | {Cell(d.Paper)} | {Cell(d.Source)} | {Cell(d.Framework)} | {Cell(RunDeviations.DeliberateText(d))} | {(d.Profiles.Count == 0 ? "all" : string.Join(", ", d.Profiles))} |");
    }

    private static void RenderShrinkage(StringBuilder s, FidelityCatalog catalog, ProfileCatalog profiles)
    {
        s.AppendLine().AppendLine("## Profile settings against the paper profile").AppendLine();
        s.AppendLine("Derived from profiles.json: every setting a profile runs with another value than the paper profile, per component " +
                     "(where a profile leaves a setting out, the option record's default stands in). Under the paper profile none apply.");
        foreach (var profile in profiles.Profiles.Where(p => p != ProfileNames.Paper))
        {
            s.AppendLine().AppendLine($"### {profile}").AppendLine();
            s.AppendLine($"| component | setting | {profile} | paper profile |");
            s.AppendLine("|---|---|---|---|");
            foreach (var c in Ordered(catalog))
            {
                var datasets = c.Kind == FidelityKinds.Backbone ? [c.Id] : DatasetIds.All;
                foreach (var section in c.Sections)
                    foreach (var (setting, value, paper) in RunDeviations.Shrinkage(profiles, profile, datasets, section, c.NoEffectSettings))
                        s.AppendLine($"| {c.Kind} {c.Id} | {Cell(setting)} | {Cell(value)} | {Cell(paper)} |");
            }
        }
    }

    private static string Anchor(ComponentFidelity c) => $"{c.Kind}-{c.Id}".ToLowerInvariant().Replace('.', '-').Replace('@', '-');

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
