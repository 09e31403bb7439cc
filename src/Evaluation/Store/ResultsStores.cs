namespace Robustness.Evaluation.Store;

/// <summary>Opens the store a --store option names: a PostgreSQL URL or key=value string, else a SQLite file path.</summary>
public static class ResultsStores
{
    public const string DefaultPath = "results/robustness.db";

    public static bool IsPostgres(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <param name="access">Read-only: the store must exist (a mistyped path is an error, not a new empty database).</param>
    public static IResultsStore Open(string? store, StoreAccess access = StoreAccess.ReadWrite)
    {
        store = string.IsNullOrWhiteSpace(store) ? DefaultPath : store;
        return IsPostgres(store) ? PostgresResultsStore.Open(store) : SqliteResultsStore.Open(store, access);
    }

    /// <summary>postgres://user:password@host:port/database → Npgsql key=value form; key=value passes through.</summary>
    public static string ToNpgsqlConnectionString(string store)
    {
        if (!IsPostgres(store) || store.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return store;
        var uri = new Uri(store);
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}", $"Database={uri.AbsolutePath.TrimStart('/')}" };
        if (uri.UserInfo.Length > 0)
        {
            var user = uri.UserInfo.Split(':', 2);
            parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
            if (user.Length > 1) parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
        }
        if (uri.Query.Length > 1)
            parts.AddRange(uri.Query.TrimStart('?').Split('&').Select(Uri.UnescapeDataString));
        return string.Join(';', parts);
    }
}
