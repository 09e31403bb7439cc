using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Artefacts;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Training;
using Robustness.Evaluation.Protocol;
using Robustness.Evaluation.Store;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Transfer cells through the protocol's <see cref="TransferEvaluation"/> (surrogate → white-box attack on it →
/// transfer to the defense; pure black-box examples shared by every defense), and white-box cells: the same attack
/// straight on the defense where it exposes a gradient path (on the baseline this is the canary check).
/// Surrogates and the defenses' clean answers are shared by the cells that have them in common, in memory and through
/// the artefact store (<see cref="Caches"/> counts the reuse).
/// </summary>
public sealed class ProtocolCellRunner(IServiceProvider services, FittedDefenses defenses, Provenance provenance) : ICellRunner, IDisposable
{
    private readonly Dictionary<double, PureBlackBoxExampleCache> caches = [];
    private readonly Lazy<(SurrogateCache Surrogates, CleanPredictionCache CleanPredictions)> shared = new(() =>
    {
        var store = new ArtefactStore(defenses.Environment.ArtefactsDirectory);
        return (new SurrogateCache(store), new CleanPredictionCache(store));
    });
    private readonly Attacks.AttackFactory attacks = services.GetService<Attacks.AttackFactory>()
        ?? throw new InvalidOperationException("No attacks are registered: call services.AddRobustnessAttacks() (AddRobustnessEvaluation does).");

    public IReadOnlyCollection<string> Kinds => [CellKinds.Transfer, CellKinds.WhiteBox];

    public CellOutcome Run(GridCell cell, CancellationToken cancellationToken) =>
        cell.Kind == CellKinds.Transfer ? Transfer(cell) : WhiteBox(cell);

    private CellOutcome Transfer(GridCell cell)
    {
        var fitted = defenses.Get(cell);
        var profile = defenses.Profile(cell);
        var adversary = services.GetKeyedService<IAdversaryModel>(cell.Adversary) ?? throw new KeyNotFoundException(
            $"Adversary '{cell.Adversary}' is not registered (known: {string.Join(", ", AdversaryIds.All)}).");
        var attack = attacks.Create(Required(cell.Attack, "attack"), profile, iterationScale: cell.IterationScale);
        var epsilon = ProtocolEpsilon.Default(cell.Dataset, attack.Id) * cell.EpsilonScale;
        var transfer = new TransferCell(cell.Dataset, cell.Profile, cell.Defense, adversary.Id, cell.Q ?? 1, attack.Id,
            cell.Goal == AttackGoals.Targeted, cell.Seed, epsilon);
        var oracleKey = OracleKey.Of(cell.Defense, cell.Profile, cell.Dataset, cell.Seed, cell.Variant, fitted.Trainer.Weights);
        var context = new AdversaryContext(DatasetInfo.FromId(cell.Dataset), defenses.Train(cell), profile,
            defenses.Trainer(DenseVariant.VariantId, cell), defenses.Zoo, defenses.Environment.Device, oracleKey);
        var options = profile.Section(ProtocolOptions.SectionName, new ProtocolOptions()) with { AttackedPoints = cell.Points };
        var result = new TransferEvaluation(Cache(cell.IterationScale), shared.Value.Surrogates, shared.Value.CleanPredictions)
            .Run(transfer, new TransferInputs(fitted.Defense, adversary, attack, context, defenses.Test(cell), options));

        var examples = result.TestIndices.Select((index, i) => new ExampleOutcome(index, result.TrueLabels[i], result.DefensePredictions[i],
            result.Targets?[i] ?? -1, result.Success[i], result.DefensePredictions[i] == Labels.Reject, result.L2[i], result.Linf[i], result.WhiteBoxSuccess[i])).ToList();
        var metrics = OutcomeScoring.AttackMetrics(examples);
        metrics[MetricNames.Queries] = result.Queries;
        metrics[MetricNames.Epsilon] = epsilon;
        metrics["rejected-queries"] = result.RejectedQueries;
        metrics["oracle-forward-passes"] = result.OracleForwardPasses;
        metrics["defense-clean-accuracy"] = result.CleanAccuracy;
        metrics["examples-reused"] = result.ExamplesReused ? 1 : 0;
        if (result.SurrogateAgreement is { } agreement) metrics["surrogate-agreement"] = agreement;
        var weights = new Dictionary<string, string>(fitted.Trainer.Weights) { [$"{adversary.Id}/surrogate"] = result.SurrogateArtefact };
        return new CellOutcome(cell, CellStatus.Ok, metrics, examples,
            new Dictionary<string, double> { ["fit"] = fitted.FitSeconds, ["surrogate"] = result.SurrogateTrainingSeconds, ["attack"] = result.AttackSeconds },
            provenance.For(cell, weights));
    }

    private CellOutcome WhiteBox(GridCell cell)
    {
        var fitted = defenses.Get(cell);
        var manifest = provenance.For(cell, fitted.Trainer.Weights);
        var classifier = fitted.Defense.Traits.Differentiable ? fitted.Defense.AsClassifier() : null;
        if (classifier is null)
            return new CellOutcome(cell, CellStatus.NotApplicable, new Dictionary<string, double>(), [], new Dictionary<string, double>(), manifest,
                $"'{cell.Defense}' exposes no differentiable classifier: no white-box path.");
        var profile = defenses.Profile(cell);
        var attack = attacks.Create(Required(cell.Attack, "attack"), profile, iterationScale: cell.IterationScale);
        var epsilon = ProtocolEpsilon.Default(cell.Dataset, attack.Id) * cell.EpsilonScale;
        var test = defenses.Test(cell);
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var clean = DefenseOracle.Predict(fitted.Defense, test.Images);
        var indices = AttackedPoints.Select(test, cell.Points, requireCorrect: true, tensor(clean));
        var images = test.Images.index_select(0, indices);
        var labels = test.Labels.index_select(0, indices);
        var targets = cell.Goal == AttackGoals.Targeted ? TargetSelection.Choose(labels, DatasetInfo.FromId(cell.Dataset).NumClasses, cell.Seed) : null;
        var device = defenses.Environment.Device;
        var goal = targets is null ? AttackGoal.Untargeted(epsilon) : AttackGoal.TargetedAt(targets.to(device), epsilon);
        using var result = attack.Run(classifier, images.to(device), labels.to(device), goal, new Generator((ulong)cell.Seed));
        var predictions = DefenseOracle.Predict(fitted.Defense, result.Adversarial.cpu());
        var examples = OutcomeScoring.Score(indices.data<long>().Select(i => (int)i).ToArray(), labels.data<long>().ToArray(), predictions,
            targets?.data<long>().ToArray(), Doubles(result.L2), Doubles(result.Linf), result.Success.cpu().to_type(ScalarType.Bool).data<bool>().ToArray());
        var metrics = OutcomeScoring.AttackMetrics(examples);
        metrics[MetricNames.Epsilon] = epsilon;
        return new CellOutcome(cell, CellStatus.Ok, metrics, examples,
            new Dictionary<string, double> { ["fit"] = fitted.FitSeconds, ["attack"] = clock.Elapsed.TotalSeconds }, manifest);
    }

    private static double[] Doubles(Tensor t) => t.cpu().to_type(ScalarType.Float64).data<double>().ToArray();

    private PureBlackBoxExampleCache Cache(double iterationScale)
    {
        lock (caches)
        {
            if (!caches.TryGetValue(iterationScale, out var cache)) caches[iterationScale] = cache = new PureBlackBoxExampleCache();
            return cache;
        }
    }

    /// <summary>How often this runner's transfer cells reused a surrogate, clean answers and pure black-box examples.</summary>
    public IReadOnlyList<CacheCounts> Caches
    {
        get
        {
            List<PureBlackBoxExampleCache> examples;
            lock (caches) examples = caches.Values.ToList();
            var examplesCounts = examples.Select(c => c.Counts).Aggregate(new CacheCounts("pure black-box examples", 0, 0, 0),
                (a, b) => a with { MemoryHits = a.MemoryHits + b.MemoryHits, StoreLoads = a.StoreLoads + b.StoreLoads, Builds = a.Builds + b.Builds });
            return shared.IsValueCreated
                ? [shared.Value.Surrogates.Counts, shared.Value.CleanPredictions.Counts, examplesCounts]
                : [new CacheCounts("surrogates", 0, 0, 0), new CacheCounts("clean predictions", 0, 0, 0), examplesCounts];
        }
    }

    private static string Required(string? value, string field) =>
        value ?? throw new InvalidOperationException($"This cell has no {field}.");

    public void Dispose()
    {
        foreach (var cache in caches.Values) cache.Dispose();
        if (shared.IsValueCreated) shared.Value.Surrogates.Dispose();
    }
}
