using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;

namespace Robustness.Evaluation.Checklist;

/// <summary>
/// The evaluation standards Mahmood et al. ("Beware the Black-Box", Entropy 2021) propose, checked against what
/// the run actually measured: a defense claim needs an adaptive black-box adversary over a range of data
/// fractions, both adversary types, δ against the same backbone undefended, its clean-accuracy cost, both goals,
/// and single-step, iterative and optimisation-based attacks.
/// </summary>
public static class PaperStandards
{
    public static IReadOnlyList<CheckVerdict> Evaluate(GridConfig config, IReadOnlyList<CleanRow> clean, IReadOnlyList<AttackRow> attacks)
    {
        var transfer = attacks.Where(a => a.Kind == CellKinds.Transfer && a.IsMain).ToList();
        var qs = transfer.Select(a => a.Q ?? 0).Distinct().Order().ToList();
        var adversaries = transfer.Select(a => a.Adversary).Distinct().ToList();
        var goals = transfer.Select(a => a.Goal).Distinct().ToList();
        var kinds = transfer.Select(a => a.Attack ?? "").Distinct().ToList();
        var others = config.Defenses.Where(d => d != config.Baseline).ToList();
        return
        [
            Check("adaptive black-box adversary over a range of data (small q to q = 100 %)",
                qs.Count >= 2 && qs.Max() >= 1.0 && qs.Min() <= 0.25, $"q measured: {string.Join(", ", qs.Select(q => q.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))}"),
            Check("both adversaries: pure black-box (no queries) and oracle-based (queries counted)",
                adversaries.Contains(AdversaryIds.PureBlackBox) && adversaries.Contains(AdversaryIds.OracleJacobian), $"adversaries measured: {string.Join(", ", adversaries)}"),
            Check("every defense compared with its vanilla backbone under the same adversary, attack and q (δ)",
                others.Count > 0 && others.All(d => transfer.Any(a => a.Defense == d && a.Delta is not null)),
                $"δ reported for {transfer.Where(a => a.Delta is not null).Select(a => a.Defense).Distinct().Count()} of {others.Count} defenses"),
            Check("clean-accuracy cost reported beside the security gain",
                others.All(d => clean.Any(c => c.Defense == d && c.CostVsBaseline is not null)), $"{clean.Count(c => c.CostVsBaseline is not null)} clean rows with cost"),
            Check("untargeted and targeted goals", goals.Contains(AttackGoals.Untargeted) && goals.Contains(AttackGoals.Targeted), $"goals measured: {string.Join(", ", goals)}"),
            Check("single-step, iterative and optimisation-based attacks",
                kinds.Contains(AttackIds.Fgsm) && kinds.Any(k => k is AttackIds.IterativeFgsm or AttackIds.MomentumIterativeFgsm or AttackIds.Pgd) && kinds.Any(k => k is AttackIds.CarliniWagnerL2 or AttackIds.ElasticNet), $"attacks measured: {string.Join(", ", kinds)}"),
        ];
    }

    private static CheckVerdict Check(string standard, bool met, string evidence) =>
        new(standard, "run", met ? Verdict.Pass : Verdict.Fail, evidence.EndsWith(": ", StringComparison.Ordinal) ? evidence + "none" : evidence);
}
