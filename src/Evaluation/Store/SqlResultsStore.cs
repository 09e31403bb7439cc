using System.Data.Common;
using System.Globalization;
using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Store;

/// <summary>
/// The results store over any ADO.NET connection; SQL kept to the subset SQLite and PostgreSQL share.
/// Tables: runs, cells (one row per committed cell), examples (one row per scored point), claims (cells being
/// computed now, see <see cref="CellClaim"/>). A failing read or write (disk full, read-only file, lost server) is a
/// <see cref="ResultsStoreException"/> naming the store; the transaction rolls back, so the store stays as it was.
/// Calls are serialised: a claim's heartbeat renews it from a timer thread while the cell computes.
/// </summary>
public abstract class SqlResultsStore : IResultsStore
{
    private const int SchemaVersion = 1;
    private readonly DbConnection connection;
    private readonly Lock gate = new();

    protected SqlResultsStore(DbConnection connection, string description)
    {
        this.connection = connection;
        Description = description;
    }

    public string Description { get; }

    protected DbConnection Connection => connection;

    /// <summary>Creates missing tables (unless <paramref name="access"/> is read-only) and checks the schema version; call once after opening.</summary>
    protected void Initialise(StoreAccess access = StoreAccess.ReadWrite)
    {
        if (access == StoreAccess.ReadOnly)
        {
            var stored = Scalar(null, "SELECT value FROM robustness_meta WHERE key = 'schema'");
            if (Convert.ToString(stored, CultureInfo.InvariantCulture) != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                throw new ResultsStoreException($"Results store '{Description}' has schema version {stored ?? "none"}; this build reads version {SchemaVersion}.");
            return;
        }
        using var tx = connection.BeginTransaction();
        SerializeWriters(tx);
        Execute(tx, "CREATE TABLE IF NOT EXISTS robustness_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        Execute(tx, "CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, config_name TEXT NOT NULL, profile TEXT NOT NULL, config_json TEXT NOT NULL, plan_json TEXT NOT NULL, created_utc TEXT NOT NULL)");
        Execute(tx, "CREATE TABLE IF NOT EXISTS cells (run_id TEXT NOT NULL, cell_id TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL, cell_json TEXT NOT NULL, status TEXT NOT NULL, error TEXT, metrics_json TEXT NOT NULL, timings_json TEXT NOT NULL, manifest_json TEXT NOT NULL, computation_id TEXT NOT NULL, finished_utc TEXT NOT NULL, PRIMARY KEY (run_id, cell_id))");
        Execute(tx, "CREATE TABLE IF NOT EXISTS claims (run_id TEXT NOT NULL, cell_id TEXT NOT NULL, owner TEXT NOT NULL, host TEXT NOT NULL, pid BIGINT NOT NULL, process_start BIGINT NOT NULL, expires_utc TEXT NOT NULL, PRIMARY KEY (run_id, cell_id))");
        Execute(tx, "CREATE TABLE IF NOT EXISTS examples (run_id TEXT NOT NULL, cell_id TEXT NOT NULL, idx BIGINT NOT NULL, label BIGINT NOT NULL, prediction BIGINT NOT NULL, target BIGINT NOT NULL, success BIGINT NOT NULL, rejected BIGINT NOT NULL, l2 DOUBLE PRECISION NOT NULL, linf DOUBLE PRECISION NOT NULL, surrogate_success BIGINT, PRIMARY KEY (run_id, cell_id, idx))");
        var version = Scalar(tx, "SELECT value FROM robustness_meta WHERE key = 'schema'");
        if (version is null)
            Execute(tx, "INSERT INTO robustness_meta (key, value) VALUES ('schema', @v)", ("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        else if (Convert.ToString(version, CultureInfo.InvariantCulture) != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            throw new ResultsStoreException($"Results store '{Description}' has schema version {version}; this build reads version {SchemaVersion}.");
        tx.Commit();
    }

    /// <summary>
    /// Makes concurrent processes take turns through schema creation, run registration and cell claims (many run-cell
    /// tasks start at once in a job array). SQLite's file lock already does; a server database needs a lock.
    /// Those transactions run at the default isolation (PostgreSQL: read committed), so reads after the lock see what
    /// the previous holder committed; a serializable snapshot would be taken before the lock and miss it.
    /// </summary>
    protected virtual void SerializeWriters(DbTransaction transaction) { }

    public void EnsureRun(RunRecord run) => Guarded("register the run", () =>
    {
        using var tx = connection.BeginTransaction();
        SerializeWriters(tx);
        var existing = FindRun(run.RunId, tx);
        if (existing is null)
        {
            Execute(tx, "INSERT INTO runs (run_id, config_name, profile, config_json, plan_json, created_utc) VALUES (@id, @name, @profile, @config, @plan, @created)",
                ("id", run.RunId), ("name", run.ConfigName), ("profile", run.Profile), ("config", run.ConfigJson),
                ("plan", StoreJson.Serialize(run.PlannedCells)), ("created", run.CreatedUtc.ToString("O", CultureInfo.InvariantCulture)));
        }
        else if (existing.ConfigJson != run.ConfigJson)
        {
            throw new ResultsStoreException($"Results store '{Description}': run '{run.RunId}' exists with a different config; pass another --run name or the original config.");
        }
        tx.Commit();
    });

    public RunRecord? FindRun(string runId) => Guarded("read the run", () => FindRun(runId, null));

    private RunRecord? FindRun(string runId, DbTransaction? tx) =>
        Query(tx, "SELECT run_id, config_name, profile, config_json, plan_json, created_utc FROM runs WHERE run_id = @id", ReadRun, ("id", runId)).FirstOrDefault();

    public IReadOnlyList<RunRecord> Runs() => Guarded("list the runs", () =>
        Query(null, "SELECT run_id, config_name, profile, config_json, plan_json, created_utc FROM runs ORDER BY created_utc, run_id", ReadRun));

    private static RunRecord ReadRun(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        StoreJson.Deserialize<List<string>>(r.GetString(4), "plan"), DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture));

    public IReadOnlySet<string> CompletedCells(string runId) => CellStatuses(runId).Keys.ToHashSet();

    public IReadOnlyDictionary<string, CellStatus> CellStatuses(string runId) => Guarded("read the cells", () =>
        Query(null, "SELECT cell_id, status FROM cells WHERE run_id = @id", r => (Id: r.GetString(0), Status: Enum.Parse<CellStatus>(r.GetString(1))), ("id", runId))
            .ToDictionary(x => x.Id, x => x.Status));

    public bool TryClaim(string runId, string cellId, CellClaim claim, bool retryFailed) => Guarded("claim a cell", () =>
    {
        using var tx = connection.BeginTransaction();
        SerializeWriters(tx);
        var status = Scalar(tx, "SELECT status FROM cells WHERE run_id = @run AND cell_id = @cell", ("run", runId), ("cell", cellId)) as string;
        if (status == nameof(CellStatus.Ok) || (status == nameof(CellStatus.Failed) && !retryFailed)) return false;
        var held = Query(tx, "SELECT owner, host, pid, process_start, expires_utc FROM claims WHERE run_id = @run AND cell_id = @cell",
            r => new CellClaim(r.GetString(0), r.GetString(1), (int)r.GetInt64(2), r.GetInt64(3), DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture)),
            ("run", runId), ("cell", cellId)).FirstOrDefault();
        if (held is not null && held.Owner != claim.Owner && !held.IsStale(DateTimeOffset.UtcNow)) return false;
        Execute(tx, "DELETE FROM claims WHERE run_id = @run AND cell_id = @cell", ("run", runId), ("cell", cellId));
        Execute(tx, "INSERT INTO claims (run_id, cell_id, owner, host, pid, process_start, expires_utc) VALUES (@run, @cell, @owner, @host, @pid, @start, @expires)",
            ("run", runId), ("cell", cellId), ("owner", claim.Owner), ("host", claim.Host), ("pid", (long)claim.ProcessId),
            ("start", claim.ProcessStartTicks), ("expires", claim.ExpiresUtc.ToString("O", CultureInfo.InvariantCulture)));
        tx.Commit();
        return true;
    });

    public void RenewClaim(string runId, string cellId, CellClaim claim) => Guarded("renew a claim", () =>
        Execute(null, "UPDATE claims SET expires_utc = @expires WHERE run_id = @run AND cell_id = @cell AND owner = @owner",
            ("expires", claim.ExpiresUtc.ToString("O", CultureInfo.InvariantCulture)), ("run", runId), ("cell", cellId), ("owner", claim.Owner)));

    public void ReleaseClaim(string runId, string cellId, CellClaim claim) => Guarded("release a claim", () =>
        Execute(null, "DELETE FROM claims WHERE run_id = @run AND cell_id = @cell AND owner = @owner", ("run", runId), ("cell", cellId), ("owner", claim.Owner)));

    public void Commit(string runId, CellOutcome outcome) => Guarded($"commit cell {outcome.Cell.Id}", () =>
    {
        var cellId = outcome.Cell.Id;
        using var tx = connection.BeginTransaction();
        Execute(tx, "DELETE FROM claims WHERE run_id = @run AND cell_id = @cell", ("run", runId), ("cell", cellId));
        Execute(tx, "DELETE FROM examples WHERE run_id = @run AND cell_id = @cell", ("run", runId), ("cell", cellId));
        Execute(tx, "DELETE FROM cells WHERE run_id = @run AND cell_id = @cell", ("run", runId), ("cell", cellId));
        var seq = Convert.ToInt64(Scalar(tx, "SELECT COALESCE(MAX(seq), 0) + 1 FROM cells WHERE run_id = @run", ("run", runId)), CultureInfo.InvariantCulture);
        Execute(tx, "INSERT INTO cells (run_id, cell_id, seq, kind, cell_json, status, error, metrics_json, timings_json, manifest_json, computation_id, finished_utc) " +
                    "VALUES (@run, @cell, @seq, @kind, @json, @status, @error, @metrics, @timings, @manifest, @computation, @finished)",
            ("run", runId), ("cell", cellId), ("seq", seq), ("kind", outcome.Cell.Kind), ("json", StoreJson.Serialize(outcome.Cell)),
            ("status", outcome.Status.ToString()), ("error", outcome.Error), ("metrics", StoreJson.Serialize(outcome.Metrics)),
            ("timings", StoreJson.Serialize(outcome.Timings)), ("manifest", StoreJson.Serialize(outcome.Manifest)),
            ("computation", outcome.ComputationId), ("finished", (outcome.FinishedUtc ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture)));
        InsertExamples(tx, runId, cellId, outcome.Examples);
        tx.Commit();
    });

    private void InsertExamples(DbTransaction tx, string runId, string cellId, IReadOnlyList<ExampleOutcome> examples)
    {
        if (examples.Count == 0) return;
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO examples (run_id, cell_id, idx, label, prediction, target, success, rejected, l2, linf, surrogate_success) " +
                              "VALUES (@run, @cell, @idx, @label, @prediction, @target, @success, @rejected, @l2, @linf, @surrogate)";
        var names = new[] { "run", "cell", "idx", "label", "prediction", "target", "success", "rejected", "l2", "linf", "surrogate" };
        var parameters = names.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[0].Value = runId;
        parameters[1].Value = cellId;
        foreach (var e in examples)
        {
            parameters[2].Value = (long)e.Index;
            parameters[3].Value = e.Label;
            parameters[4].Value = e.Prediction;
            parameters[5].Value = e.Target;
            parameters[6].Value = e.Success ? 1L : 0L;
            parameters[7].Value = e.Rejected ? 1L : 0L;
            parameters[8].Value = e.L2;
            parameters[9].Value = e.Linf;
            parameters[10].Value = e.SurrogateSuccess is { } s ? (s ? 1L : 0L) : DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<CellOutcome> Load(string runId) => Guarded("load the run", () =>
    {
        var examples = Query(null, "SELECT cell_id, idx, label, prediction, target, success, rejected, l2, linf, surrogate_success FROM examples WHERE run_id = @run ORDER BY cell_id, idx",
                r => (Cell: r.GetString(0), Example: new ExampleOutcome((int)r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5) != 0, r.GetInt64(6) != 0,
                    r.GetDouble(7), r.GetDouble(8), r.IsDBNull(9) ? null : r.GetInt64(9) != 0)), ("run", runId))
            .GroupBy(x => x.Cell).ToDictionary(g => g.Key, g => (IReadOnlyList<ExampleOutcome>)g.Select(x => x.Example).ToList());
        return Query(null, "SELECT cell_id, cell_json, status, error, metrics_json, timings_json, manifest_json, computation_id, finished_utc FROM cells WHERE run_id = @run ORDER BY seq", r =>
            new CellOutcome(
                StoreJson.Deserialize<GridCell>(r.GetString(1), "cell"),
                Enum.Parse<CellStatus>(r.GetString(2)),
                StoreJson.Deserialize<Dictionary<string, double>>(r.GetString(4), "metrics"),
                examples.TryGetValue(r.GetString(0), out var list) ? list : [],
                StoreJson.Deserialize<Dictionary<string, double>>(r.GetString(5), "timings"),
                StoreJson.Deserialize<ProvenanceManifest>(r.GetString(6), "manifest"),
                r.IsDBNull(3) ? null : r.GetString(3),
                DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture),
                r.GetString(7)), ("run", runId));
    });

    public IReadOnlyList<CellTiming> Timings() => Guarded("read the timings", () =>
        Query(null, "SELECT run_id, cell_json, status, timings_json, manifest_json, finished_utc FROM cells ORDER BY finished_utc, run_id, seq", r =>
            new CellTiming(r.GetString(0), StoreJson.Deserialize<GridCell>(r.GetString(1), "cell"), Enum.Parse<CellStatus>(r.GetString(2)),
                StoreJson.Deserialize<Dictionary<string, double>>(r.GetString(3), "timings"),
                StoreJson.Deserialize<ProvenanceManifest>(r.GetString(4), "manifest").WeightSha256,
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture))));

    private void Guarded(string action, Action body) => Guarded(action, () =>
    {
        body();
        return 0;
    });

    /// <summary>One call at a time; a database error becomes one line naming the store and what failed.</summary>
    private T Guarded<T>(string action, Func<T> body)
    {
        lock (gate)
        {
            try
            {
                return body();
            }
            catch (DbException e)
            {
                throw new ResultsStoreException($"Results store '{Description}' could not {action}: {Explain(e)}; nothing was changed by this step.", e);
            }
        }
    }

    /// <summary>The database's own words for a failure (subclasses name common causes: full disk, read-only file).</summary>
    protected virtual string Explain(DbException error) => error.Message;

    protected void Execute(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(tx, sql, parameters);
        command.ExecuteNonQuery();
    }

    protected object? Scalar(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(tx, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private List<T> Query<T>(DbTransaction? tx, string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(tx, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private DbCommand Command(DbTransaction? tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public void Dispose()
    {
        connection.Dispose();
        GC.SuppressFinalize(this);
    }
}
