using System.Text;
using Microsoft.Data.Sqlite;

namespace Robustness.Evaluation.Store;

/// <summary>
/// The default results store: one SQLite file. An existing file is checked (header, integrity, schema) before
/// anything is written, so a corrupt file gives one clear error and stays byte-for-byte as it was.
/// </summary>
public sealed class SqliteResultsStore : SqlResultsStore
{
    private SqliteResultsStore(SqliteConnection connection, string path) : base(connection, path) { }

    public static SqliteResultsStore Open(string path)
    {
        path = Path.GetFullPath(path);
        var exists = File.Exists(path);
        if (exists) CheckHeader(path);
        else if (Path.GetDirectoryName(path) is { } dir) Directory.CreateDirectory(dir);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            if (exists) CheckIntegrity(connection, path);
            var store = new SqliteResultsStore(connection, path);
            store.Initialise();
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ResultsStoreException($"Results store '{path}' is corrupt or not a results database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[16];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(header, 0, header.Length);
        if (read == 0) return; // an empty file is a fresh database
        if (read < 16 || Encoding.ASCII.GetString(header, 0, 15) != "SQLite format 3")
            throw new ResultsStoreException($"Results store '{path}' is not a SQLite database (bad header); left untouched.");
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read()) problems.Add(reader.GetString(0));
        if (problems is not ["ok"])
            throw new ResultsStoreException($"Results store '{path}' failed its integrity check ({string.Join("; ", problems.Take(3))}); left untouched.");
    }
}
