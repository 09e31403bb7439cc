using Npgsql;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.ScaleOut;

/// <summary>
/// Keeps a PostgreSQL password off command lines and out of generated scripts: the password goes into a password
/// file in libpq's format (host:port:database:user:password, mode 0600 — what PGPASSFILE and ~/.pgpass hold), and
/// the connection string handed to other processes names that file (Npgsql's Passfile) instead of the password.
/// </summary>
internal static class PostgresPasswordFile
{
    /// <summary>The store as other processes should receive it: unchanged when it carries no password.</summary>
    /// <param name="passwordFile">Where the password file goes when one is needed (written 0600, replacing any old one).</param>
    public static string MoveOutPassword(string store, string passwordFile)
    {
        if (!ResultsStores.IsPostgres(store)) return store;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ResultsStores.ToNpgsqlConnectionString(store));
        }
        catch (ArgumentException e)
        {
            throw new ResultsStoreException($"Results store connection string is invalid: {e.Message}", e);
        }
        if (string.IsNullOrEmpty(builder.Password)) return store;
        var line = string.Join(':', new[] { builder.Host ?? "localhost", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), builder.Database ?? "*", builder.Username ?? "*", builder.Password }
            .Select(Escape));
        PrivateFile.Write(passwordFile, line + "\n");
        builder.Password = null;
        builder.Passfile = Path.GetFullPath(passwordFile);
        return builder.ConnectionString;
    }

    private static string Escape(string field) => field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);
}
