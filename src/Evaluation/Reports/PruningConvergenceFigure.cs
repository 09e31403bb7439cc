using Robustness.Pruning;
using ScottPlot;

namespace Robustness.Evaluation.Reports;

/// <summary>
/// Hard-pruned (retrain-free) accuracy after each SLR/ADMM epoch, one figure per (dataset, sparsity), one line per
/// run, with the dense accuracy and the convergence target drawn as horizontal lines.
/// </summary>
public static class PruningConvergenceFigure
{
    private const int Width = 720;
    private const int Height = 440;

    public static IReadOnlyList<ReportFigure> Render(IReadOnlyList<PruningRun> runs, double fractionOfDense)
    {
        var figures = new List<ReportFigure>();
        foreach (var group in PruningConvergence.Comparable(runs))
        {
            var plot = new Plot();
            foreach (var run in group)
            {
                var line = plot.Add.Scatter(run.Summary.Log.Select(e => (double)e.Epoch).ToArray(), run.Summary.Log.Select(e => e.HardPrunedAccuracy).ToArray());
                line.LegendText = run.Summary.VariantId;
                line.MarkerSize = 7;
            }
            var dense = group.Average(r => r.Summary.DenseAccuracy);
            var denseLine = plot.Add.HorizontalLine(dense);
            denseLine.LegendText = $"dense {ReportsPercent(dense)}";
            denseLine.LinePattern = LinePattern.Dotted;
            var target = group.Average(r => PruningConvergence.Target(r.Summary, fractionOfDense));
            var targetLine = plot.Add.HorizontalLine(target);
            targetLine.LegendText = $"target {fractionOfDense:P0} of dense";
            targetLine.LinePattern = LinePattern.Dashed;
            plot.Axes.SetLimitsY(0, 1.05);
            var epochs = Enumerable.Range(1, group.Max(r => r.Summary.Log.Count)).Select(e => (double)e).ToArray();
            plot.Axes.Bottom.SetTicks(epochs, epochs.Select(e => e.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            plot.Title($"{group.Key.Dataset}, {group.Key.Sparsity}");
            plot.XLabel("SLR / ADMM epoch");
            plot.YLabel("hard-pruned accuracy (no retraining)");
            plot.ShowLegend(Edge.Right);
            figures.Add(new ReportFigure($"convergence-{group.Key.Dataset}-{group.Key.Sparsity}.png",
                $"Hard-pruned (retrain-free) accuracy after each epoch, {group.Key.Dataset}, {group.Key.Sparsity}.",
                plot.GetImageBytes(Width, Height, ImageFormat.Png)));
        }
        return figures;
    }

    private static string ReportsPercent(double value) => FigureRenderer.Percent(value);
}
