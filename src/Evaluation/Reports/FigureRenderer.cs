using System.Globalization;
using Robustness.Evaluation.Grid;
using ScottPlot;

namespace Robustness.Evaluation.Reports;

/// <summary>
/// Draws the report's figures with ScottPlot (PNG, headless): clean accuracy per defense, defense accuracy vs q
/// (worst attack per q), vs the oracle adversary's queries, and vs ε (the baseline's ε sweep beside random noise).
/// </summary>
internal static class FigureRenderer
{
    private const int Width = 720;
    private const int Height = 440;

    public static IReadOnlyList<ReportFigure> Render(ReportModel model)
    {
        var figures = new List<ReportFigure>();
        foreach (var scope in model.Clean.GroupBy(c => (c.Dataset, c.Variant)))
            figures.Add(CleanBars(scope.Key.Dataset, scope.Key.Variant, scope.ToList()));
        var main = model.Attacks.Where(a => a.Kind == CellKinds.Transfer && a.IsMain && a.Goal == AttackGoals.Untargeted).ToList();
        foreach (var scope in main.GroupBy(a => (a.Dataset, a.Variant, a.Adversary)))
            figures.Add(Lines($"accuracy-vs-q-{scope.Key.Dataset}-{scope.Key.Variant}-{scope.Key.Adversary}.png",
                $"Defense accuracy vs q ({scope.Key.Dataset}, {scope.Key.Variant}, {scope.Key.Adversary}; worst untargeted attack per q)",
                "q (fraction of the training set)", scope.GroupBy(a => a.Defense).ToDictionary(g => g.Key, g => WorstPer(g, a => a.Q ?? 0))));
        foreach (var scope in main.Where(a => a.Queries > 0).GroupBy(a => (a.Dataset, a.Variant)))
            figures.Add(Lines($"accuracy-vs-queries-{scope.Key.Dataset}-{scope.Key.Variant}.png",
                $"Defense accuracy vs oracle queries ({scope.Key.Dataset}, {scope.Key.Variant}; worst untargeted attack)",
                "queries to the defense", scope.GroupBy(a => a.Defense).ToDictionary(g => g.Key, g => WorstPer(g, a => a.Queries))));
        foreach (var scope in model.Attacks.Where(a => a.Kind is CellKinds.Transfer or CellKinds.Noise).GroupBy(a => (a.Dataset, a.Variant)))
        {
            var sweep = scope.Where(a => a.Kind == CellKinds.Transfer && a.Defense == model.Config.Baseline && a.IterationScale == 1 && a.Goal == AttackGoals.Untargeted)
                .GroupBy(a => (a.Adversary, a.Q, a.Attack)).Where(g => g.Count() > 1)
                .ToDictionary(g => $"{g.Key.Attack} ({g.Key.Adversary}, q={g.Key.Q})", g => g.OrderBy(a => a.EpsilonScale).Select(a => (EpsilonOf(a), a.DefenseAccuracy.Mean)).ToList());
            foreach (var noise in scope.Where(a => a.Kind == CellKinds.Noise))
                sweep[$"random noise → {noise.Defense}"] = [(noise.Epsilon, noise.DefenseAccuracy.Mean)];
            if (sweep.Count > 0)
                figures.Add(Lines($"accuracy-vs-epsilon-{scope.Key.Dataset}-{scope.Key.Variant}.png",
                    $"Defense accuracy vs ε ({scope.Key.Dataset}, {scope.Key.Variant}; {model.Config.Baseline} sweep and noise baselines)",
                    "ε (L∞, or the attack's ε × scale when the cell did not record ε)", sweep));
        }
        return figures;
    }

    private static double EpsilonOf(AttackRow a) => a.Epsilon > 0 ? a.Epsilon : a.EpsilonScale;

    private static List<(double X, double Y)> WorstPer(IEnumerable<AttackRow> rows, Func<AttackRow, double> x) =>
        rows.GroupBy(x).OrderBy(g => g.Key).Select(g => (g.Key, g.Min(a => a.DefenseAccuracy.Mean))).ToList();

    private static ReportFigure CleanBars(string dataset, string variant, List<CleanRow> rows)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(rows.Select(r => r.CleanAccuracy.Mean).ToArray());
        bars.Color = Colors.SteelBlue;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Defense).ToArray());
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title($"Clean accuracy ({dataset}, {variant}; Reject counts as an error)");
        plot.YLabel("clean accuracy");
        return new ReportFigure($"clean-accuracy-{dataset}-{variant}.png", $"Clean accuracy per defense on {dataset} ({variant}).", plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    private static ReportFigure Lines(string file, string caption, string xLabel, Dictionary<string, List<(double X, double Y)>> series)
    {
        var plot = new Plot();
        foreach (var (name, points) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = name;
            line.MarkerSize = 7;
        }
        plot.Axes.SetLimitsY(0, 1.05);
        var cut = caption.IndexOf(';', StringComparison.Ordinal);
        plot.Title(cut > 0 ? caption[..cut] + ")" : caption);
        plot.XLabel(xLabel);
        plot.YLabel("defense accuracy");
        plot.ShowLegend(Edge.Right);
        return new ReportFigure(file, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    public static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
