using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Adversaries;
using Robustness.Core;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Runs the transfer protocol for a command-line request: loads the profile's data, fits the defense (and the
/// vanilla backbone for δ) through the artefact store, resolves adversary and attack, and evaluates the cell or curve.
/// Surrogates are trained with a dense network trainer on the same store (the run's pruning variant is the
/// defense's, never the adversary's). A surrogate and the defenses' clean answers are built once per key and reused
/// by every attack and by later runs (memory, then the store); the last log line gives the reuse counts.
/// </summary>
public sealed class AdversaryRunner(IServiceProvider services, PureBlackBoxExampleCache cache)
{
    public IReadOnlyList<AdversaryRunRow> Run(AdversaryRunRequest request, Action<string>? log = null)
    {
        NativeLibrary.EnsureLoaded();
        var catalog = services.GetService<ProfileCatalog>() ?? ProfileCatalog.Default();
        var profile = catalog.Get(request.Profile, request.Dataset);
        var options = profile.Section(ProtocolOptions.SectionName, new ProtocolOptions()).Validated();
        if (request.AttackedPoints is { } points) options = (options with { AttackedPoints = points }).Validated();
        var device = DeviceSelection.Resolve(request.Device);
        var store = new ArtefactStore(request.ArtefactRoot);
        var zoo = services.GetService<IModelZoo>() ?? new ModelZoo();
        var dataset = DatasetInfo.FromId(request.Dataset);
        using var train = DatasetLoader.Load(request.Dataset, DatasetSplit.Train, profile.TrainLimit, request.DataDirectory);
        using var test = DatasetLoader.Load(request.Dataset, DatasetSplit.Test, profile.TestLimit, request.DataDirectory);
        var adversary = services.GetKeyedService<IAdversaryModel>(request.Adversary)
            ?? throw new ArgumentException($"Unknown adversary '{request.Adversary}'. Known: {string.Join(", ", AdversaryIds.All)}.");
        var attackIds = request.Attack.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (attackIds.Length == 0) throw new ArgumentException("--attack: no attack id given.");
        var surrogates = new NetworkTrainer(store, device, log: log);
        var attacks = services.GetService<Robustness.Attacks.AttackFactory>()
            ?? throw new InvalidOperationException("No attacks are registered: call services.AddRobustnessAttacks().");

        var fitted = new Dictionary<string, (IFittedDefense Defense, string Key)>();
        (IFittedDefense Defense, string Key) Fitted(string id)
        {
            if (fitted.TryGetValue(id, out var found)) return found;
            var factory = services.GetKeyedService<DefenseFactory>(id)
                ?? throw new ArgumentException($"Unknown defense '{id}'. Registered: {string.Join(", ", services.GetServices<PluginDescriptor>().Where(p => p.Kind == PluginKind.Defense).Select(p => p.Id).Order())}.");
            var recorder = new RecordingNetworkTrainer(new NetworkTrainer(store, device, log: log));
            log?.Invoke($"fitting defense '{id}' ({request.Profile}, {request.Dataset}, seed {request.Seed})");
            var defense = factory.Create(profile).Fit(new DefenseContext(dataset, train, profile, recorder, zoo, device, request.Seed));
            var key = OracleKey.Of(id, request.Profile, request.Dataset, request.Seed, recorder.VariantId, recorder.Weights);
            return fitted[id] = (defense, key);
        }

        var rows = new List<AdversaryRunRow>();
        using var shared = new SurrogateCache(store);
        var cleanPredictions = new CleanPredictionCache(store);
        try
        {
            foreach (var attackId in attackIds)
            foreach (var (q, budget) in Points(request, train.Count, options))
            {
                var epsilon = request.Epsilon ?? ProtocolEpsilon.Default(request.Dataset, attackId);
                var attack = attacks.Create(attackId, profile, epsilon);
                var clock = Stopwatch.StartNew();
                CellResult Evaluate(string id)
                {
                    var (defense, key) = Fitted(id);
                    var cell = new TransferCell(request.Dataset, request.Profile, id, request.Adversary, q, attackId, request.Targeted, request.Seed, epsilon, budget);
                    log?.Invoke($"cell {cell}");
                    var context = new AdversaryContext(dataset, train, profile, surrogates, zoo, device, key);
                    var progress = new Progress<AdversaryProgress>(p => log?.Invoke($"  {p.AdversaryId}: {p.Message} (queries so far {p.QueriesSoFar})"));
                    return new TransferEvaluation(cache, shared, cleanPredictions).Run(cell, new TransferInputs(defense, adversary, attack, context, test, options), progress);
                }
                var defended = Evaluate(request.Defense);
                var vanilla = request.Defense == VanillaId ? null : Evaluate(VanillaId);
                rows.Add(new AdversaryRunRow(defended, vanilla, clock.Elapsed.TotalSeconds));
            }
        }
        finally
        {
            foreach (var (defense, _) in fitted.Values) defense.Dispose();
        }
        log?.Invoke("reuse: " + string.Join("; ", new[] { shared.Counts, cleanPredictions.Counts, cache.Counts }.Where(c => c.Requests > 0)));
        return rows;
    }

    /// <summary>The id of the undefended backbone every defense is compared with.</summary>
    public const string VanillaId = "vanilla";

    private static IEnumerable<(double Q, long? Budget)> Points(AdversaryRunRequest request, int trainCount, ProtocolOptions options) => request.Curve switch
    {
        TransferCurveKind.Q => options.QGrid.Select(q => (q, request.QueryBudget)),
        TransferCurveKind.Queries => options.QueryBudgetMultiples.Select(m =>
            (request.Q, (long?)Math.Max(1, (long)Math.Round(m * Math.Max(1, Math.Round(request.Q * trainCount)))))),
        _ => [(request.Q, request.QueryBudget)],
    };
}
