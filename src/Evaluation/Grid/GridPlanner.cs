using Robustness.Attacks.Adversaries;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Expands a <see cref="GridConfig"/> into its cells, in an order that lets work be shared by a cache of one or two
/// objects: per dataset, variant and seed, clean and noise cells first, then transfer cells per adversary and q —
/// for the pure black-box adversary with the defense innermost (its adversarial examples of one q/attack/goal are
/// computed once and scored against every defense), for an oracle adversary with attack and goal innermost (its
/// surrogate depends on the defense and serves every attack and goal of it) — then the checklist's ε and iteration
/// sweeps on the baseline, then white-box cells.
/// </summary>
public static class GridPlanner
{
    public static IReadOnlyList<GridCell> Plan(GridConfig config)
    {
        var cells = new List<GridCell>();
        var defenses = config.AllDefenses.ToList();
        var checks = config.Checklist;
        foreach (var dataset in config.Datasets)
        foreach (var variant in config.Variants)
        foreach (var seed in config.Seeds)
        {
            var basis = new GridCell(CellKinds.Clean, config.Profile, dataset, variant, config.Baseline, seed, config.AttackedPoints);
            cells.AddRange(defenses.Select(d => basis with { Defense = d }));
            if (checks.Noise && checks.NoiseEpsilon.TryGetValue(dataset, out var epsilon))
                cells.AddRange(defenses.Select(d => basis with { Kind = CellKinds.Noise, Defense = d, Epsilon = epsilon }));

            var transfer = basis with { Kind = CellKinds.Transfer };
            foreach (var adversary in config.Adversaries)
            foreach (var q in config.Q)
                cells.AddRange(TransferOrder(transfer with { Adversary = adversary, Q = q }, defenses, config));

            if (config.Adversaries.Count > 0 && config.Q.Count > 0)
            {
                var sweep = transfer with { Adversary = config.Adversaries[0], Q = config.Q.Max(), Goal = AttackGoals.Untargeted };
                foreach (var attack in checks.SweepAttacks.Where(config.Attacks.Contains))
                {
                    cells.AddRange(checks.EpsilonScales.Where(s => s != 1).Select(s => sweep with { Attack = attack, EpsilonScale = s }));
                    cells.Add(sweep with { Attack = attack, IterationScale = 2 });
                }
            }

            if (checks.WhiteBox)
                foreach (var attack in config.Attacks)
                foreach (var goal in config.Goals)
                    cells.AddRange(defenses.Select(d => basis with { Kind = CellKinds.WhiteBox, Defense = d, Attack = attack, Goal = goal }));
        }
        var duplicate = cells.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new GridConfigException($"Config '{config.Name}': cell {duplicate.Key} ({duplicate.First().Describe()}) appears twice; remove duplicate entries.");
        return cells;
    }

    /// <summary>One adversary and q: the defense innermost when the adversary never queries it, outermost otherwise.</summary>
    private static IEnumerable<GridCell> TransferOrder(GridCell basis, IReadOnlyList<string> defenses, GridConfig config) =>
        basis.Adversary == AdversaryIds.PureBlackBox
            ? from attack in config.Attacks from goal in config.Goals from d in defenses
              select basis with { Defense = d, Attack = attack, Goal = goal }
            : from d in defenses from attack in config.Attacks from goal in config.Goals
              select basis with { Defense = d, Attack = attack, Goal = goal };
}
