using Robustness.Attacks;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using Robustness.Core.Training;
using Robustness.Testing.Adversaries;
using Robustness.Core.Profiles;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Store;
using Robustness.Testing;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Tests.Support;

/// <summary>A grid over fake defenses and coded data, with a SQLite store in a temp folder.</summary>
public sealed class FakeWorld : IDisposable
{
    public const double NoiseEpsilon = 0.04;
    private readonly ServiceProvider services;

    public FakeWorld(IEnumerable<ICellRunner>? extraRunners = null, params string[] defenses)
        : this(false, extraRunners, defenses) { }

    /// <param name="protocol">Also run transfer cells through the real protocol, with a tiny zoo and a plain training loop.</param>
    public FakeWorld(bool protocol, IEnumerable<ICellRunner>? extraRunners, params string[] defenses)
    {
        Directory = new TempDirectory();
        var collection = new ServiceCollection()
            .AddDefense<DecodingDefense>(DecodingDefense.DefenseId)
            .AddDefense<ShiftedDefense>(ShiftedDefense.DefenseId)
            .AddDefense<RejectingDefense>(RejectingDefense.DefenseId)
            .AddDefense<ThrowingDefense>(ThrowingDefense.DefenseId);
        if (protocol) collection.AddSingleton<IModelZoo>(new TinyModelZoo()).AddRobustnessAttacks().AddRobustnessAdversaries();
        services = collection.BuildServiceProvider();
        var environment = new EvaluationEnvironment(ProfileCatalog.Default(), null, Path.Combine(Directory.Path, "artefacts"), CPU);
        INetworkTrainerProvider trainers = protocol ? new LoopTrainerProvider() : new UnavailableNetworkTrainerProvider();
        Defenses = new FittedDefenses(services, environment, trainers, (_, _, limit) => CodedData.Create(Math.Min(limit ?? 200, 200)));
        Store = SqliteResultsStore.Open(Path.Combine(Directory.Path, "results.db"));
        Config = MakeConfig(defenses.Length > 0 ? defenses : [ShiftedDefense.DefenseId, RejectingDefense.DefenseId]);
        if (protocol)
            Config = Config with { Adversaries = ["pure-blackbox"], Attacks = ["fgsm"], Q = [1.0], Checklist = Config.Checklist with { SweepAttacks = [], WhiteBox = false } };
        Cells = GridPlanner.Plan(Config);
        var runners = new List<ICellRunner> { new DefenseCellRunner(Defenses, new Provenance(environment)) };
        if (protocol) runners.Add(new ProtocolCellRunner(services, Defenses, new Provenance(environment)));
        runners.AddRange(extraRunners ?? []);
        Runner = new GridRunner(Store, new CompositeCellRunner(runners));
        Store.EnsureRun(new RunRecord("fake", Config.Name, Config.Profile, StoreJson.Serialize(Config), Cells.Select(c => c.Id).ToList(), DateTimeOffset.UtcNow));
    }

    public TempDirectory Directory { get; }
    public FittedDefenses Defenses { get; }
    public SqliteResultsStore Store { get; }
    public GridConfig Config { get; }

    private sealed class LoopTrainerProvider : INetworkTrainerProvider
    {
        public INetworkTrainer For(string variantId, DatasetProfile profile, EvaluationEnvironment environment) => new LoopNetworkTrainer();
    }
    public IReadOnlyList<GridCell> Cells { get; }
    public GridRunner Runner { get; }

    public static GridConfig MakeConfig(IReadOnlyList<string> defenses, IReadOnlyList<long>? seeds = null) => new()
    {
        Name = "fake",
        Profile = ProfileNames.Smoke,
        Datasets = ["fashion-mnist"],
        Baseline = DecodingDefense.DefenseId,
        Defenses = defenses,
        Adversaries = [],
        Attacks = [],
        Seeds = seeds ?? [0],
        AttackedPoints = 20,
        Checklist = new ChecklistOptions { NoiseEpsilon = new Dictionary<string, double> { ["fashion-mnist"] = NoiseEpsilon } },
    };

    public GridRunSummary Run() => Runner.Run("fake", Cells);

    /// <summary>A fresh transfer/white-box runner on this world's defenses and artefact store (a second process's view).</summary>
    public ProtocolCellRunner NewProtocolRunner() => new(services, Defenses, new Provenance(Defenses.Environment));

    public void Dispose()
    {
        Defenses.Dispose();
        Store.Dispose();
        services.Dispose();
        Directory.Dispose();
    }
}
