using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Robustness.Evaluation.Store;

/// <summary>
/// The default results store: one SQLite file. An existing file is checked (header, integrity, schema) before
/// anything is written, so a corrupt file gives one clear error and stays byte-for-byte as it was. Read-only access
/// (rendering a report) needs the file to exist and never creates or changes it.
/// </summary>
public sealed class SqliteResultsStore : SqlResultsStore
{
    private SqliteResultsStore(SqliteConnection connection, string path) : base(connection, path) { }

    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public static SqliteResultsStore Open(string path, StoreAccess access = StoreAccess.ReadWrite)
    {
        path = Path.GetFullPath(path);
        var exists = File.Exists(path);
        if (!exists && access == StoreAccess.ReadOnly)
            throw new ResultsStoreException($"Results store '{path}' does not exist; pass the --store a run was evaluated into.");
        if (exists) CheckHeader(path);
        else if (Path.GetDirectoryName(path) is { } dir) Directory.CreateDirectory(dir);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = access == StoreAccess.ReadOnly ? SqliteOpenMode.ReadOnly : exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            if (exists) CheckIntegrity(connection, path);
            var store = new SqliteResultsStore(connection, path);
            store.Initialise(access);
            return store;
        }
        catch (SqliteException e) when (IsEnvironmentFailure(e))
        {
            connection.Dispose();
            throw new ResultsStoreException($"Results store '{path}' cannot be used: {Cause(e)}; left untouched.", e);
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

    protected override string Explain(DbException error) => error is SqliteException e ? Cause(e) : error.Message;

    /// <summary>The machine's fault, not the file's: full disk, read-only file or folder, I/O error.</summary>
    private static bool IsEnvironmentFailure(SqliteException e) => (e.SqliteErrorCode & 0xff) is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen;

    private static string Cause(SqliteException e) => (e.SqliteErrorCode & 0xff) switch
    {
        SqliteFull => $"the disk is full ({e.Message})",
        SqliteReadOnly => $"the file or its folder is read-only ({e.Message})",
        SqliteIoError => $"an I/O error, often a full disk ({e.Message})",
        SqliteCantOpen => $"the file cannot be opened, check its folder's permissions ({e.Message})",
        _ => e.Message,
    };

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
