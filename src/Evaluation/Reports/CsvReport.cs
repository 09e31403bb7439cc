using CsvHelper;

namespace Robustness.Evaluation.Reports;

/// <summary>Every report table as an RFC 4180 CSV file (CsvHelper), named after the table id.</summary>
public static class CsvReport
{
    public static void Write(ReportModel model, string directory)
    {
        foreach (var table in ReportTables.All(model))
        {
            using var writer = new StreamWriter(Path.Combine(directory, $"{table.Id}.csv"));
            using var csv = CsvWriter.Create(writer, null, leaveOpen: false);
            csv.WriteHeader(table.Headers.ToArray());
            foreach (var row in table.Rows) csv.WriteRecord(row.ToArray());
        }
    }
}
