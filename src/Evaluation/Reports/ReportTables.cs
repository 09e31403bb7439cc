using System.Globalization;
using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Reports;

/// <summary>Turns a <see cref="ReportModel"/> into its tables, in report order.</summary>
internal static class ReportTables
{
    public static IReadOnlyList<ReportTable> All(ReportModel m)
    {
        var tables = new List<ReportTable>
        {
            new("clean", "Clean accuracy and cost vs the baseline", $"Reject counts as an error. Cost = {m.Config.Baseline} − defense (positive: the defense loses accuracy).",
                ["dataset", "variant", "defense", "clean accuracy", "false rejections", "cost vs " + m.Config.Baseline],
                m.Clean.Select(r => Row(r.Dataset, r.Variant, r.Defense, r.CleanAccuracy.Format(), F(r.FalseRejectionRate), F(r.CostVsBaseline))).ToList()),
            new("transfer", "Defense accuracy under transfer attacks",
                "Defense accuracy = 1 − attack success (untargeted: label changed and not rejected; targeted: target reached). " +
                "Surrogate = the attack's white-box success on the adversary's own surrogate: a weak attack shows here, not as robustness. δ = defense − baseline, same adversary, attack and q.",
                ["dataset", "variant", "adversary", "q", "attack", "goal", "defense", "defense accuracy", "surrogate success", "δ vs " + m.Config.Baseline, "queries", "points"],
                m.Attacks.Where(a => a.Kind == CellKinds.Transfer && a.IsMain).Select(a => Row(a.Dataset, a.Variant, a.Adversary, F(a.Q, "0.##"), a.Attack, a.Goal, a.Defense,
                    a.DefenseAccuracy.Format(), F(a.SurrogateSuccess), a.Delta?.Format("+0.000;-0.000") ?? "—", F(a.Queries, "0"), a.Points.ToString(CultureInfo.InvariantCulture))).ToList()),
            new("white-box", "White-box attacks and random-noise baselines", "White-box: the attack straight on the defense where a gradient path exists (on the baseline: the canary). Noise: random corners of the L∞ ball.",
                ["dataset", "variant", "kind", "attack", "goal", "defense", "defense accuracy", "ε", "points"],
                m.Attacks.Where(a => a.Kind is CellKinds.WhiteBox or CellKinds.Noise).Select(a => Row(a.Dataset, a.Variant, a.Kind, a.Attack ?? "noise", a.Goal ?? AttackGoals.Untargeted, a.Defense,
                    a.DefenseAccuracy.Format(), F(a.Epsilon), a.Points.ToString(CultureInfo.InvariantCulture))).ToList()),
            new("sweeps", "Checklist sweeps on the baseline (ε and iterations)", "",
                ["dataset", "variant", "adversary", "q", "attack", "ε scale", "iterations scale", "defense accuracy"],
                m.Attacks.Where(a => a.Kind == CellKinds.Transfer && !a.IsMain).Select(a => Row(a.Dataset, a.Variant, a.Adversary, F(a.Q, "0.##"), a.Attack,
                    F(a.EpsilonScale, "0.##"), F(a.IterationScale, "0.##"), a.DefenseAccuracy.Format())).ToList()),
            new("worst-case", "Per-example worst case over all attacks and adversaries", "A point is robust only if no untargeted transfer attack of any adversary at any q broke it (union of the attacked points).",
                ["dataset", "variant", "defense", "robust fraction", "points", "settings"],
                m.WorstCase.Select(w => Row(w.Dataset, w.Variant, w.Defense, w.RobustFraction.Format(), w.Points.ToString(CultureInfo.InvariantCulture), w.Settings.ToString(CultureInfo.InvariantCulture))).ToList()),
        };
        if (m.DenseVsPruned.Count > 0)
        {
            var variants = m.DenseVsPruned.SelectMany(r => r.AccuracyByVariant.Keys).Distinct().Order().ToList();
            tables.Add(new("dense-vs-pruned", "Dense vs pruned backbones", "Defense accuracy per backbone variant.",
                ["dataset", "defense", "setting", .. variants],
                m.DenseVsPruned.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Defense, r.Setting, .. variants.Select(v => r.AccuracyByVariant.TryGetValue(v, out var a) ? F(a) : "—")]).ToList()));
        }
        tables.Add(new("checklist", "Evaluation checklist", "", ["check", "scope", "verdict", "evidence"],
            m.Checklist.Select(c => Row(c.Check, c.Scope, c.Verdict.ToString(), c.Detail)).ToList()));
        tables.Add(new("standards", "The paper's proposed standards (Mahmood et al. 2021)", "Whether this run meets each standard a black-box robustness claim needs.",
            ["standard", "verdict", "evidence"], m.Standards.Select(c => Row(c.Check, c.Verdict.ToString(), c.Detail)).ToList()));
        if (m.Failures.Count > 0)
            tables.Add(new("failures", "Failed cells", $"These cells produced no numbers; the rest of the grid is unaffected. Full errors with stack traces: {FailureRow.LogFileName}.",
                ["cell", "setting", "error"], m.Failures.Select(f => Row(f.CellId, f.Description, f.Error)).ToList()));
        if (m.Nightly is { } n)
            tables.Add(new("nightly", $"Nightly diff vs baseline run '{n.BaselineRun}'",
                $"Tolerances: clean accuracy −{F(n.Tolerances.CleanAccuracy)}, defense accuracy −{F(n.Tolerances.DefenseAccuracy)}; {n.Regressions} regression(s).",
                ["cell", "setting", "metric", "baseline", "nightly", "regression", "note"],
                n.Rows.Select(r => Row(r.CellId, r.Description, r.Metric, F(r.Baseline), F(r.Current), r.Regression ? "REGRESSION" : "ok", r.Note)).ToList()));
        tables.Add(new("provenance", "Provenance", $"Profiles: {string.Join(", ", m.Provenance.Profiles)}; devices: {string.Join(", ", m.Provenance.Devices)}; seeds: {string.Join(", ", m.Provenance.Seeds)}.",
            ["item", "name", "value"],
            m.Provenance.DataSha256.Select(kv => Row("data sha256", kv.Key, kv.Value))
                .Concat(m.Provenance.WeightSha256.Select(kv => Row("weights", kv.Key, kv.Value)))
                .Concat(m.Provenance.Versions.Select(kv => Row("version", kv.Key, kv.Value))).ToList()));
        return tables;
    }

    private static IReadOnlyList<string> Row(params string?[] cells) => cells.Select(c => c ?? "—").ToList();

    public static string F(double? value, string format = "0.000") =>
        value is null || double.IsNaN(value.Value) ? "—" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
