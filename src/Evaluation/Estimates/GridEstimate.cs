using System.Globalization;
using System.Text;

namespace Robustness.Evaluation.Estimates;

/// <summary>The predicted wall time left for a grid on this machine, per kind of work.</summary>
internal sealed record GridEstimate(string RunId, IReadOnlyList<EstimateLine> Lines)
{
    public double Seconds => Lines.Sum(l => l.Seconds);
    public double MeasuredSeconds => Lines.Sum(l => l.MeasuredSeconds);
    public double ModelledSeconds => Lines.Sum(l => l.ModelledSeconds);

    /// <summary>One line: the total left, what is done, and how much of it rests on recorded timings.</summary>
    public string Summary()
    {
        var cells = Lines.Where(l => !l.Kind.StartsWith("train", StringComparison.Ordinal) && !l.Kind.StartsWith("build", StringComparison.Ordinal)).ToList();
        var training = Lines.Except(cells).ToList();
        return $"estimate for {RunId}: {Duration(Seconds)} left on this machine — {cells.Sum(l => l.Remaining)} of {cells.Sum(l => l.Count)} cells " +
               $"and {training.Sum(l => l.Remaining)} of {training.Sum(l => l.Count)} trainings to do; " +
               $"{Duration(MeasuredSeconds)} from recorded timings ({Lines.Sum(l => l.Measured)} items), {Duration(ModelledSeconds)} from the built-in model ({Lines.Sum(l => l.Modelled)} items)";
    }

    /// <summary>The summary and a table: kind, count, done, to do, measured / modelled items, time left.</summary>
    public string Table()
    {
        var text = new StringBuilder(Summary()).AppendLine();
        var width = Math.Max(24, Lines.Select(l => l.Kind.Length).DefaultIfEmpty(0).Max());
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"kind".PadRight(width)} {"count",7} {"done",7} {"to do",7} {"measured",9} {"model",7} {"time left",11}");
        foreach (var l in Lines)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {l.Kind.PadRight(width)} {l.Count,7} {l.Done,7} {l.Remaining,7} {l.Measured,9} {l.Modelled,7} {Duration(l.Seconds),11}");
        return text.ToString();
    }

    /// <summary>h:mm:ss, with days when over 24 h.</summary>
    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(Math.Max(0, seconds)));
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span:hh\\:mm\\:ss}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span:mm\\:ss}");
    }
}
