using System.Globalization;
using Robustness.Attacks;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Reports;

namespace Robustness.Evaluation.Checklist;

/// <summary>
/// Sanity checks of an adversarial evaluation (Carlini et al. 2019's checklist, as the issue lists them): each
/// one fails loudly when the attacks, not the defense, are the weak link.
/// </summary>
public static class EvaluationChecklist
{
    public const string IterativeBeatsSingleStep = "iterative ≥ single-step";
    public const string MonotoneInEpsilon = "success monotone in ε";
    public const string TransferBelowWhiteBox = "transfer ≤ white-box";
    public const string BeatsRandomNoise = "attack beats random noise of the same norm";
    public const string DoublingIterations = "doubling iterations changes little";
    public const string CanaryBroken = "canary (undefended) model broken";

    private const double Slack = 0.02;
    private static readonly string[] SingleStep = [AttackIds.Fgsm];

    public static IReadOnlyList<CheckVerdict> Evaluate(IReadOnlyList<AttackRow> rows, string baseline, ChecklistOptions options)
    {
        var verdicts = new List<CheckVerdict>();
        foreach (var scope in rows.GroupBy(r => (r.Dataset, r.Variant)))
        {
            var name = $"{scope.Key.Dataset}/{scope.Key.Variant}";
            var all = scope.ToList();
            verdicts.Add(Iterative(all, name));
            verdicts.Add(Monotone(all, baseline, name));
            verdicts.Add(TransferVsWhiteBox(all, name));
            verdicts.Add(Noise(all, name));
            verdicts.Add(Doubling(all, baseline, name, options.IterationTolerance));
            verdicts.Add(Canary(all, baseline, name, options.CanaryMinimumSuccess));
        }
        return verdicts;
    }

    private static double Success(AttackRow r) => 1 - r.DefenseAccuracy.Mean;

    /// <summary>On the surrogate (white-box) the iterative attacks must do at least as well as FGSM.</summary>
    private static CheckVerdict Iterative(List<AttackRow> rows, string scope)
    {
        var transfer = rows.Where(r => r.Kind == CellKinds.Transfer && r.IsMain && r.SurrogateSuccess is not null).ToList();
        var single = transfer.Where(r => SingleStep.Contains(r.Attack)).ToList();
        var iterative = transfer.Where(r => !SingleStep.Contains(r.Attack)).ToList();
        if (single.Count == 0 || iterative.Count == 0) return new(IterativeBeatsSingleStep, scope, Verdict.NotRun, "needs FGSM and an iterative attack in transfer cells");
        // Only pairs where the iterative attack has at least FGSM's budget say anything (the protocol gives
        // Fashion-MNIST's FGSM ε 0.15 but the iterative attacks ε 0.1).
        var pairs = (from s in single
                     from i in iterative
                     where i.Defense == s.Defense && i.Adversary == s.Adversary && i.Q == s.Q && i.Goal == s.Goal
                     where i.Epsilon >= s.Epsilon - 1e-9
                     select (Single: s, Iterative: i)).ToList();
        if (pairs.Count == 0)
            return new(IterativeBeatsSingleStep, scope, Verdict.NotRun,
                $"no iterative attack ran with at least FGSM's ε ({string.Join(", ", single.Select(s => s.Epsilon).Distinct())}); budgets differ by protocol");
        var violations = pairs.Where(p => p.Iterative.SurrogateSuccess < p.Single.SurrogateSuccess - Slack)
            .Select(p => $"{p.Iterative.Attack} {P(p.Iterative.SurrogateSuccess)} < fgsm {P(p.Single.SurrogateSuccess)} ({p.Single.Defense}, {p.Single.Adversary}, q={p.Single.Q}, {p.Single.Goal})")
            .ToList();
        return Judge(IterativeBeatsSingleStep, scope, violations, "surrogate success of every iterative attack ≥ FGSM's at equal or larger ε");
    }

    private static CheckVerdict Monotone(List<AttackRow> rows, string baseline, string scope)
    {
        var sweeps = rows.Where(r => r.Kind == CellKinds.Transfer && r.Defense == baseline && r.IterationScale == 1)
            .GroupBy(r => (r.Adversary, r.Q, r.Attack, r.Goal)).Where(g => g.Count() > 1).ToList();
        if (sweeps.Count == 0) return new(MonotoneInEpsilon, scope, Verdict.NotRun, "no ε sweep in this run");
        var violations = new List<string>();
        foreach (var sweep in sweeps)
        {
            var ordered = sweep.OrderBy(r => r.EpsilonScale).ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (Success(ordered[i]) < Success(ordered[i - 1]) - Slack)
                    violations.Add($"{sweep.Key.Attack}: ε×{ordered[i].EpsilonScale} success {P(Success(ordered[i]))} < ε×{ordered[i - 1].EpsilonScale} {P(Success(ordered[i - 1]))}");
        }
        return Judge(MonotoneInEpsilon, scope, violations, $"{sweeps.Count} sweep(s) non-decreasing");
    }

    private static CheckVerdict TransferVsWhiteBox(List<AttackRow> rows, string scope)
    {
        var whiteBox = rows.Where(r => r.Kind == CellKinds.WhiteBox).ToList();
        if (whiteBox.Count == 0) return new(TransferBelowWhiteBox, scope, Verdict.NotRun, "no white-box cell (no defense with a gradient path, or disabled)");
        var violations = (from w in whiteBox
                          from t in rows
                          where t.Kind == CellKinds.Transfer && t.IsMain && t.Defense == w.Defense && t.Attack == w.Attack && t.Goal == w.Goal
                          where Success(t) > Success(w) + Slack
                          select $"{t.Defense} {t.Attack} {t.Goal}: transfer ({t.Adversary}, q={t.Q}) {P(Success(t))} > white-box {P(Success(w))}").ToList();
        return Judge(TransferBelowWhiteBox, scope, violations, $"{whiteBox.Count} white-box setting(s) bound their transfers");
    }

    private static CheckVerdict Noise(List<AttackRow> rows, string scope)
    {
        var noise = rows.Where(r => r.Kind == CellKinds.Noise).ToList();
        if (noise.Count == 0) return new(BeatsRandomNoise, scope, Verdict.NotRun, "no noise cells");
        var violations = new List<string>();
        var compared = 0;
        foreach (var n in noise)
        {
            var attacks = rows.Where(r => r.Kind == CellKinds.Transfer && r.IsMain && r.Defense == n.Defense && r.Goal == AttackGoals.Untargeted).ToList();
            if (attacks.Count == 0) continue;
            compared++;
            var best = attacks.Max(Success);
            if (best < Success(n) - Slack) violations.Add($"{n.Defense}: best transfer success {P(best)} < noise {P(Success(n))}");
        }
        if (compared == 0) return new(BeatsRandomNoise, scope, Verdict.NotRun, "no untargeted transfer cell beside the noise cells");
        return Judge(BeatsRandomNoise, scope, violations, $"{compared} defense(s): best untargeted transfer ≥ random noise");
    }

    private static CheckVerdict Doubling(List<AttackRow> rows, string baseline, string scope, double tolerance)
    {
        var doubled = rows.Where(r => r.Kind == CellKinds.Transfer && r.Defense == baseline && r.IterationScale > 1).ToList();
        if (doubled.Count == 0) return new(DoublingIterations, scope, Verdict.NotRun, "no doubled-iteration cells");
        var violations = new List<string>();
        foreach (var d in doubled)
        {
            var normal = rows.FirstOrDefault(r => r.Kind == d.Kind && r.Defense == d.Defense && r.Adversary == d.Adversary && r.Q == d.Q && r.Attack == d.Attack && r.Goal == d.Goal && r.IsMain);
            if (normal is null) continue;
            if (Math.Abs(Success(d) - Success(normal)) > tolerance)
                violations.Add($"{d.Attack}: {P(Success(normal))} → {P(Success(d))} with 2× iterations (tolerance {P(tolerance)})");
        }
        return Judge(DoublingIterations, scope, violations, $"within ±{P(tolerance)}");
    }

    private static CheckVerdict Canary(List<AttackRow> rows, string baseline, string scope, double minimum)
    {
        var canary = rows.Where(r => r.Kind == CellKinds.WhiteBox && r.Defense == baseline && r.Goal == AttackGoals.Untargeted).ToList();
        if (canary.Count == 0) return new(CanaryBroken, scope, Verdict.NotRun, $"no white-box cell on '{baseline}'");
        var violations = canary.Where(c => Success(c) < minimum && c.Attack is not AttackIds.Fgsm)
            .Select(c => $"{c.Attack} breaks only {P(Success(c))} of the undefended model (need ≥ {P(minimum)})").ToList();
        return Judge(CanaryBroken, scope, violations, $"iterative white-box attacks break ≥ {P(minimum)} of '{baseline}'");
    }

    private static CheckVerdict Judge(string check, string scope, List<string> violations, string passDetail) =>
        violations.Count == 0
            ? new CheckVerdict(check, scope, Verdict.Pass, passDetail)
            : new CheckVerdict(check, scope, Verdict.Fail, string.Join("; ", violations.Take(5)) + (violations.Count > 5 ? $" (+{violations.Count - 5} more)" : ""));

    private static string P(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
}
