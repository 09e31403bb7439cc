using System.Globalization;
using CsvHelper;

namespace Robustness.Evaluation.Protocol;

/// <summary>Writes defense accuracy vs q or vs queries, one row per cell, as CSV (plots come with the reports).</summary>
public static class TransferCurveCsv
{
    public sealed record Row(
        string Dataset, string Profile, string Defense, string Adversary, string Attack, string Goal, double Epsilon, long Seed,
        double Q, long? QueryBudget, long Queries, long OracleForwardPasses, int Attacked, double DefenseAccuracy,
        double? VanillaDefenseAccuracy, double? Delta, double WhiteBoxSuccessRate, double? SurrogateAgreement,
        double CleanAccuracy, double SurrogateTrainingSeconds, double SurrogateBuildSeconds, double AttackSeconds, double WallSeconds);

    public static Row ToRow(AdversaryRunRow run)
    {
        var r = run.Defended;
        var c = r.Cell;
        return new Row(c.Dataset, c.Profile, c.Defense, c.Adversary, c.Attack, c.Goal, c.Epsilon, c.Seed, c.Q, c.QueryBudget,
            r.Queries, r.OracleForwardPasses, r.Attacked, r.DefenseAccuracy, run.Vanilla?.DefenseAccuracy, run.Delta,
            r.WhiteBoxSuccessRate, r.SurrogateAgreement, r.CleanAccuracy, r.SurrogateTrainingSeconds, r.SurrogateBuildSeconds, r.AttackSeconds, run.WallSeconds);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static void Write(string path, IEnumerable<AdversaryRunRow> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        var properties = typeof(Row).GetProperties();
        using (var writer = new StreamWriter(temporary))
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: false))
        {
            csv.WriteHeader(properties.Select(p => p.Name).ToArray());
            foreach (var row in rows.Select(ToRow))
                csv.WriteRecord(properties.Select(p => Format(p.GetValue(row))).ToArray());
        }
        File.Move(temporary, path, overwrite: true);
    }
}
