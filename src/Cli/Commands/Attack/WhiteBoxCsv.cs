using System.Globalization;
using CsvHelper;
using Robustness.Attacks.WhiteBox;

namespace Robustness.Cli.Commands.Attack;

/// <summary>The white-box sweep as CSV (CsvHelper; invariant culture; written to a temporary file, then moved).</summary>
public static class WhiteBoxCsv
{
    private static readonly string[] Headers =
        ["attack", "norm", "epsilon", "targeted", "points", "cleanAccuracy", "robustAccuracy", "successRate",
         "meanL2", "meanLinf", "meanIterations", "seconds", "imagesPerSecond", "seed"];

    public static void Write(string path, IEnumerable<WhiteBoxRow> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: false))
        {
            csv.WriteHeader(Headers);
            foreach (var r in rows)
                csv.WriteRecord(new[]
                {
                    r.Attack, r.Norm, r.Epsilon is { } e ? F(e) : "", r.Targeted ? "true" : "false", r.Points.ToString(CultureInfo.InvariantCulture),
                    F(r.CleanAccuracy), F(r.RobustAccuracy), F(r.SuccessRate), F(r.MeanL2), F(r.MeanLinf), F(r.MeanIterations),
                    F(r.Seconds), F(r.ImagesPerSecond), r.Seed.ToString(CultureInfo.InvariantCulture),
                });
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
