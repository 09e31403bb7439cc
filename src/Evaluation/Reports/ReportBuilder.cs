using Robustness.Core.Profiles;
using Robustness.Evaluation.Checklist;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Reports;

/// <summary>Aggregates a run's committed cells into a <see cref="ReportModel"/> (seeds → means and bootstrap CIs).</summary>
public static class ReportBuilder
{
    /// <param name="fidelity">Where the Deviations come from; null: the built-in fidelity catalog and the embedded profiles.</param>
    public static ReportModel Build(RunRecord run, GridConfig config, IReadOnlyList<CellOutcome> outcomes, bool withFigures = true, ReportFidelity? fidelity = null)
    {
        fidelity ??= ReportFidelity.Default();
        var ok = outcomes.Where(o => o.Status == CellStatus.Ok).ToList();
        var clean = CleanRows(ok, config.Baseline);
        var attacks = AttackRows(ok, config.Baseline);
        var model = new ReportModel
        {
            RunId = run.RunId,
            Config = config,
            GeneratedUtc = DateTimeOffset.UtcNow,
            CellsPlanned = run.PlannedCells.Count,
            CellsCommitted = outcomes.Count,
            Clean = clean,
            Attacks = attacks,
            WorstCase = WorstCase(ok),
            DenseVsPruned = DenseVsPruned(attacks),
            Checklist = EvaluationChecklist.Evaluate(attacks, config.Baseline, config.Checklist),
            Standards = PaperStandards.Evaluate(config, clean, attacks),
            Failures = outcomes.Where(o => o.Status == CellStatus.Failed).Select(o => new FailureRow(o.Cell.Id, o.Cell.Describe(), o.ErrorSummary ?? "", o.Error ?? "")).ToList(),
            Provenance = Summarise(outcomes),
            Deviations = Deviations(config),
            ComponentDeviations = RunDeviations.For(fidelity.Catalog, fidelity.Profiles, config.Profile,
                RunComponents.Of(GridPlanner.Plan(config).Concat(outcomes.Select(o => o.Cell)))),
        };
        return withFigures ? model with { Figures = FigureRenderer.Render(model) } : model;
    }

    private static List<CleanRow> CleanRows(List<CellOutcome> ok, string baseline)
    {
        var groups = ok.Where(o => o.Cell.Kind == CellKinds.Clean)
            .GroupBy(o => (o.Cell.Dataset, o.Cell.Variant, o.Cell.Defense)).ToList();
        var baselineMeans = groups.Where(g => g.Key.Defense == baseline)
            .ToDictionary(g => (g.Key.Dataset, g.Key.Variant), g => g.Average(o => o.Metric(MetricNames.CleanAccuracy) ?? 0));
        return groups.Select(g =>
        {
            var accuracy = Bootstrap.Estimate(g.OrderBy(o => o.Cell.Seed).Select(o => o.Metric(MetricNames.CleanAccuracy) ?? 0).ToList());
            double? cost = baselineMeans.TryGetValue((g.Key.Dataset, g.Key.Variant), out var b) ? b - accuracy.Mean : null;
            return new CleanRow(g.Key.Dataset, g.Key.Variant, g.Key.Defense, accuracy, g.Average(o => o.Metric(MetricNames.FalseRejectionRate) ?? 0), cost);
        }).OrderBy(r => r.Dataset).ThenBy(r => r.Variant).ThenBy(r => r.Defense == baseline ? "" : r.Defense).ToList();
    }

    /// <summary>The setting of a cell without its defense and seed: cells sharing it are compared (δ) and averaged.</summary>
    private static (string, string, string, string?, double?, string?, string?, double, double) Setting(GridCell c) =>
        (c.Dataset, c.Variant, c.Kind, c.Adversary, c.Q, c.Attack, c.Goal, c.EpsilonScale, c.IterationScale);

    private static List<AttackRow> AttackRows(List<CellOutcome> ok, string baseline)
    {
        var attackCells = ok.Where(o => o.Cell.Kind != CellKinds.Clean).ToList();
        var baselineBySeed = attackCells.Where(o => o.Cell.Defense == baseline)
            .ToDictionary(o => (Setting(o.Cell), o.Cell.Seed), o => o.Metric(MetricNames.DefenseAccuracy) ?? 0);
        var rows = new List<AttackRow>();
        foreach (var g in attackCells.GroupBy(o => (Setting: Setting(o.Cell), o.Cell.Defense)))
        {
            var cells = g.OrderBy(o => o.Cell.Seed).ToList();
            var first = cells[0].Cell;
            var accuracy = Bootstrap.Estimate(cells.Select(o => o.Metric(MetricNames.DefenseAccuracy) ?? 0).ToList());
            var deltas = cells.Where(o => baselineBySeed.ContainsKey((g.Key.Setting, o.Cell.Seed)))
                .Select(o => OutcomeScoring.Delta(o.Metric(MetricNames.DefenseAccuracy) ?? 0, baselineBySeed[(g.Key.Setting, o.Cell.Seed)])).ToList();
            var surrogate = cells.Select(o => o.Metric(MetricNames.SurrogateSuccessRate)).Where(v => v is not null).Select(v => v!.Value).ToList();
            rows.Add(new AttackRow(first.Dataset, first.Variant, first.Defense, first.Kind, first.Adversary, first.Q, first.Attack, first.Goal,
                first.EpsilonScale, first.IterationScale, accuracy, surrogate.Count > 0 ? surrogate.Average() : null,
                g.Key.Defense == baseline || deltas.Count == 0 ? null : Bootstrap.Estimate(deltas),
                cells.Average(o => o.Metric(MetricNames.Queries) ?? 0), cells.Average(o => o.Metric(MetricNames.Epsilon) ?? 0),
                (int)cells.Average(o => o.Metric(MetricNames.Points) ?? o.Examples.Count)));
        }
        return rows.OrderBy(r => r.Dataset).ThenBy(r => r.Variant).ThenBy(r => r.Kind).ThenBy(r => r.Adversary).ThenByDescending(r => r.Q)
            .ThenBy(r => r.Attack).ThenBy(r => r.Goal).ThenBy(r => r.EpsilonScale).ThenBy(r => r.IterationScale)
            .ThenBy(r => r.Defense == baseline ? "" : r.Defense).ToList();
    }

    /// <summary>
    /// Per seed: a point is robust if no untargeted transfer cell (any adversary, q, attack) broke it; then averaged
    /// over seeds. White-box cells are left out: only some defenses have a white-box path, which would make the
    /// comparison between defenses unequal.
    /// </summary>
    private static List<WorstCaseRow> WorstCase(List<CellOutcome> ok)
    {
        var rows = new List<WorstCaseRow>();
        var cells = ok.Where(o => o.Cell.Kind == CellKinds.Transfer && o.Cell.Goal == AttackGoals.Untargeted && o.Cell.EpsilonScale == 1 && o.Cell.IterationScale == 1);
        foreach (var g in cells.GroupBy(o => (o.Cell.Dataset, o.Cell.Variant, o.Cell.Defense)))
        {
            var perSeed = g.GroupBy(o => o.Cell.Seed).OrderBy(s => s.Key).Select(seed =>
            {
                var broken = new HashSet<int>();
                var attacked = new HashSet<int>();
                foreach (var e in seed.SelectMany(o => o.Examples))
                {
                    attacked.Add(e.Index);
                    if (e.Success) broken.Add(e.Index);
                }
                return (Robust: attacked.Count == 0 ? double.NaN : 1 - broken.Count / (double)attacked.Count, Points: attacked.Count, Settings: seed.Count());
            }).ToList();
            rows.Add(new WorstCaseRow(g.Key.Dataset, g.Key.Variant, g.Key.Defense, Bootstrap.Estimate(perSeed.Select(s => s.Robust).ToList()),
                perSeed.Max(s => s.Points), perSeed.Max(s => s.Settings)));
        }
        return rows;
    }

    private static List<VariantComparisonRow> DenseVsPruned(List<AttackRow> attacks)
    {
        if (attacks.Select(a => a.Variant).Distinct().Count() < 2) return [];
        return attacks.Where(a => a.Kind == CellKinds.Transfer && a.IsMain)
            .GroupBy(a => (a.Dataset, a.Defense, Setting: $"{a.Adversary} q={a.Q} {a.Attack} {a.Goal}"))
            .Select(g => new VariantComparisonRow(g.Key.Dataset, g.Key.Defense, g.Key.Setting, g.ToDictionary(a => a.Variant, a => a.DefenseAccuracy.Mean)))
            .ToList();
    }

    private static ProvenanceSummary Summarise(IReadOnlyList<CellOutcome> outcomes)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var weights = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in outcomes.Select(o => o.Manifest))
        {
            foreach (var (k, v) in m.DataSha256) data[k] = v;
            foreach (var (k, v) in m.WeightSha256) weights[$"{k}"] = v;
            foreach (var (k, v) in m.Versions) versions[k] = v;
        }
        return new ProvenanceSummary(data, weights, versions,
            outcomes.SelectMany(o => o.Manifest.Seeds.Values).Distinct().Order().ToList(),
            outcomes.Select(o => o.Manifest.Device).Where(d => d.Length > 0).Distinct().Order().ToList(),
            outcomes.Select(o => o.Manifest.Profile).Distinct().Order().ToList());
    }

    /// <summary>The grid's own departures from the protocol; the components' come from the fidelity catalog (<see cref="ReportModel.ComponentDeviations"/>).</summary>
    private static List<string> Deviations(GridConfig config)
    {
        var list = new List<string>();
        if (config.Profile != ProfileNames.Paper)
            list.Add($"Profile '{config.Profile}', not 'paper': its settings that differ from the paper profile are listed per component below (from profiles.json).");
        if (config.AttackedPoints != 1000) list.Add($"{config.AttackedPoints} attacked points per cell (paper: 1000).");
        var paperQ = new[] { 1.0, 0.75, 0.5, 0.25, 0.01 };
        if (!paperQ.All(config.Q.Contains)) list.Add($"q grid {{{string.Join(", ", config.Q)}}} (paper: {{{string.Join(", ", paperQ)}}}).");
        list.AddRange(config.Deviations);
        return list;
    }
}
