using System.Data.Common;
using Npgsql;

namespace Robustness.Evaluation.Store;

/// <summary>
/// A shared results store in PostgreSQL (for scale-out: many run-cell processes commit to one database).
/// Same tables and transactions as the SQLite store.
/// </summary>
public sealed class PostgresResultsStore : SqlResultsStore
{
    /// <summary>Any fixed number: the advisory lock all Robustness processes agree on.</summary>
    private const long WriterLockKey = 0x526f6275737431;

    private PostgresResultsStore(NpgsqlConnection connection, string description) : base(connection, description) { }

    protected override void SerializeWriters(DbTransaction transaction)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriterLockKey})";
        command.ExecuteNonQuery();
    }

    public static PostgresResultsStore Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ResultsStores.ToNpgsqlConnectionString(connectionString));
        }
        catch (ArgumentException e)
        {
            throw new ResultsStoreException($"Results store connection string is invalid: {e.Message}", e);
        }
        var description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new PostgresResultsStore(connection, description);
            store.Initialise();
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException)
        {
            connection.Dispose();
            throw new ResultsStoreException($"Results store '{description}' cannot be used: {e.Message}", e);
        }
    }
}
