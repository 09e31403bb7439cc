using Microsoft.Extensions.DependencyInjection;
using Robustness.Core;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Fidelity;
using Robustness.Evaluation.Nightly;
using Robustness.Evaluation.Protocol;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Store;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// One run of one config against one store. Opening checks the config and the store first (a bad one is one
/// clear exception and nothing is written); running computes the missing cells; the report renders from the store.
/// </summary>
public sealed class EvaluationSession : IDisposable
{
    private readonly IServiceProvider services;
    private readonly EvaluationRequest request;
    private FittedDefenses? defenses;
    private GridRunner? runner;
    private readonly List<ICellRunner> cellRunners = [];

    private EvaluationSession(IServiceProvider services, EvaluationRequest request, GridConfig config, IResultsStore store)
    {
        this.services = services;
        this.request = request;
        Config = config;
        Store = store;
        Cells = GridPlanner.Plan(config);
        RunId = request.RunId ?? $"{config.Name}-{config.Profile}";
    }

    public GridConfig Config { get; }
    public IResultsStore Store { get; }
    public IReadOnlyList<GridCell> Cells { get; }
    public string RunId { get; }

    /// <summary>Validates the device, run name and config, then opens the store: any failing throws before anything is touched.</summary>
    public static EvaluationSession Open(IServiceProvider services, EvaluationRequest request)
    {
        DeviceSelection.Resolve(request.Device);
        if (request.RunId is not null) RunNames.Ensure(request.RunId);
        var config = GridConfigFile.Load(request.Config, request.Profile, services, request.ProfilesFile);
        var store = ResultsStores.Open(request.Store);
        return new EvaluationSession(services, request, config, store);
    }

    /// <summary>Records the run (or checks it matches the stored one) so later processes resume it.</summary>
    public void Register() => Store.EnsureRun(new RunRecord(RunId, Config.Name, Config.Profile, StoreJson.Serialize(Config),
        Cells.Select(c => c.Id).ToList(), DateTimeOffset.UtcNow));

    public GridCell Cell(string id) => Cells.FirstOrDefault(c => c.Id == id)
        ?? throw new GridConfigException($"Config '{Config.Name}' (profile {Config.Profile}) has no cell '{id}'; run 'robustness plan' to list the cells.");

    public GridRunSummary Run(IProgress<GridProgress>? progress = null, Action<GridCell>? starting = null, CancellationToken cancellationToken = default) =>
        Run(Cells, progress, starting, cancellationToken);

    public GridRunSummary Run(IReadOnlyList<GridCell> cells, IProgress<GridProgress>? progress = null, Action<GridCell>? starting = null, CancellationToken cancellationToken = default)
    {
        Register();
        var grid = Runner();
        if (starting is not null) grid.CellStarting += starting;
        try
        {
            return grid.Run(RunId, cells, progress, cancellationToken) with { Caches = CacheReuse() };
        }
        finally
        {
            if (starting is not null) grid.CellStarting -= starting;
        }
    }

    private IReadOnlyList<CacheCounts> CacheReuse() => cellRunners.OfType<ProtocolCellRunner>().SelectMany(r => r.Caches).ToList();

    /// <summary>
    /// Computes one cell and commits it; null when the store holds it as done (a failed cell is retried unless the
    /// request keeps failed cells) or another process is computing it, and <paramref name="force"/> is false.
    /// </summary>
    public CellOutcome? RunCell(GridCell cell, bool force = false, CancellationToken cancellationToken = default)
    {
        Register();
        return Runner().RunCell(RunId, cell, force, cancellationToken);
    }

    private GridRunner Runner()
    {
        if (runner is not null) return runner;
        var environment = new EvaluationEnvironment(ProfileCatalog.Load(request.ProfilesFile), request.Data, request.ArtefactsDirectory, DeviceSelection.Resolve(request.Device))
        {
            Progress = request.Progress,
        };
        var trainers = services.GetService<INetworkTrainerProvider>() ?? new UnavailableNetworkTrainerProvider();
        defenses = new FittedDefenses(services, environment, trainers);
        var provenance = new Provenance(environment);
        cellRunners.Add(new DefenseCellRunner(defenses, provenance));
        cellRunners.AddRange(services.GetServices<ICellRunnerFactory>().Select(f => f.Create(defenses, provenance)));
        cellRunners.AddRange(services.GetServices<ICellRunner>());
        return runner = new GridRunner(Store, new LedgerCellRunner(new CompositeCellRunner(cellRunners), environment.Ledger), new GridRunOptions { KeepFailed = request.KeepFailed });
    }

    /// <summary>Renders reports/&lt;run&gt;/ from the store (optionally with a nightly diff) and returns the HTML path.</summary>
    public string WriteReport(string reportsRoot, NightlyComparison? nightly = null) =>
        ReportFiles.Write(Store, RunId, reportsRoot, nightly, Config, ReportFidelity.From(services, ProfileCatalog.Load(request.ProfilesFile)));

    public void Dispose()
    {
        foreach (var r in cellRunners.OfType<IDisposable>()) r.Dispose();
        defenses?.Dispose();
        Store.Dispose();
    }
}
