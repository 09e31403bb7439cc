using System.Diagnostics;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Protocol;

/// <summary>
/// Runs one transfer cell (Mahmood et al. 2021): the adversary builds its surrogate, a white-box attack on the
/// surrogate crafts examples for the attacked test points, the defense classifies them, and the protocol scores them.
/// What cells have in common is shared when caches are given: the defense's clean answers, the surrogate (whatever
/// the attack and goal), and the pure black-box examples (whatever the defense).
/// </summary>
public sealed class TransferEvaluation
{
    private readonly PureBlackBoxExampleCache cache;
    private readonly SurrogateCache? surrogates;
    private readonly CleanPredictionCache? cleanPredictions;

    public TransferEvaluation(PureBlackBoxExampleCache cache) : this(cache, null, null) { }

    /// <param name="surrogates">Surrogates shared across cells; null builds one per cell.</param>
    /// <param name="cleanPredictions">Clean answers shared across cells; null predicts them in every cell.</param>
    internal TransferEvaluation(PureBlackBoxExampleCache cache, SurrogateCache? surrogates, CleanPredictionCache? cleanPredictions)
    {
        this.cache = cache;
        this.surrogates = surrogates;
        this.cleanPredictions = cleanPredictions;
    }

    public CellResult Run(TransferCell cell, TransferInputs inputs, IProgress<AdversaryProgress>? progress = null)
    {
        Check(cell, inputs);
        var defense = inputs.Defense;
        var passes = defense.Traits.ForwardPassesPerQuery;
        var test = inputs.Test;
        var cleanAnswers = CleanPredictions(inputs);
        var examplesKey = inputs.Adversary.QueriesOracle ? null
            : PureBlackBoxExampleCache.Key(cell, Math.Min(inputs.Options.AttackedPoints, test.Count), test.Count);
        // the surrogate is acquired before the cell's dispose scope opens: a shared one outlives the cell
        using var lease = examplesKey is not null && cache.Contains(examplesKey) ? null : AcquireSurrogate(cell, inputs, progress);
        using var scope = NewDisposeScope();

        var clean = tensor(cleanAnswers);
        var attackedIndices = AttackedPoints.Select(test, inputs.Options.AttackedPoints, inputs.Adversary.QueriesOracle, clean);
        if (attackedIndices.shape[0] == 0)
            throw new InvalidOperationException($"cell {cell}: the defense classifies none of the {test.Count} test images correctly; nothing to attack.");
        var images = test.Images.index_select(0, attackedIndices);
        var labels = test.Labels.index_select(0, attackedIndices);
        var targets = cell.Targeted ? TargetSelection.Choose(labels, inputs.Context.Dataset.NumClasses, cell.Seed) : null;

        bool reused = false;
        TransferExamples examples;
        if (examplesKey is null)
            examples = Craft(cell, inputs, lease!, images, labels, targets);
        else
            examples = cache.GetOrAdd(examplesKey, () => Craft(cell, inputs, lease
                ?? throw new InvalidOperationException($"cell {cell}: the example cache dropped '{examplesKey}' while the cell ran."), images, labels, targets), out reused);

        var predictions = defense.Predict(examples.Adversarial).cpu();
        var success = TransferScoring.Success(predictions, labels, targets);
        var successFlags = success.data<bool>().ToArray();
        var heldOut = clean.narrow(0, 0, examples.SurrogateHeldOut.Length);
        var result = new CellResult
        {
            Cell = cell,
            DefenseAccuracy = TransferScoring.DefenseAccuracy(successFlags),
            WhiteBoxSuccessRate = examples.WhiteBoxSuccess.Average(s => s ? 1.0 : 0.0),
            CleanAccuracy = AttackedPoints.CleanAccuracy(clean, test.Labels),
            CleanTestImages = test.Count,
            AdversarialRejects = (int)AttackedPoints.Rejects(predictions),
            TestIndices = attackedIndices.data<long>().Select(i => (int)i).ToArray(),
            TrueLabels = labels.data<long>().ToArray(),
            Targets = targets?.data<long>().ToArray(),
            DefensePredictions = predictions.data<long>().ToArray(),
            Success = successFlags,
            WhiteBoxSuccess = examples.WhiteBoxSuccess,
            L2 = examples.L2,
            Linf = examples.Linf,
            SurrogateArtefact = examples.SurrogateArtefact,
            SurrogateTrainingSetSize = examples.SurrogateTrainingSetSize,
            SurrogateAgreement = Agreement(examples.SurrogateHeldOut, heldOut),
            Queries = examples.Queries,
            RejectedQueries = examples.Rejected,
            OracleForwardPasses = examples.OracleForwardPasses,
            EvaluationForwardPasses = (test.Count + predictions.shape[0]) * passes,
            SurrogateTrainingSeconds = reused ? 0 : examples.SurrogateTrainingSeconds,
            SurrogateBuildSeconds = examples.SurrogateBuildSeconds,
            AttackSeconds = reused ? 0 : examples.AttackSeconds,
            ExamplesReused = reused,
            SurrogateConfig = examples.SurrogateConfig,
        };
        if (inputs.Adversary.QueriesOracle) examples.Dispose();
        return result;
    }

    private long[] CleanPredictions(TransferInputs inputs)
    {
        long[] Predict()
        {
            using var scope = NewDisposeScope();
            return inputs.Defense.Predict(inputs.Test.Images).cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        }
        return cleanPredictions?.GetOrAdd(inputs.Context.OracleKey, inputs.Defense, inputs.Test, Predict) ?? Predict();
    }

    private SurrogateLease AcquireSurrogate(TransferCell cell, TransferInputs inputs, IProgress<AdversaryProgress>? progress)
    {
        var budget = new AdversaryBudget(cell.Q, cell.Seed, cell.QueryBudget);
        var context = inputs.Context with { HeldOut = null };
        return surrogates?.Acquire(inputs.Adversary, context, inputs.Defense, budget, progress)
            ?? new SurrogateLease(inputs.Adversary.BuildSurrogate(context, inputs.Defense, budget, progress), reused: false, owned: true);
    }

    private static TransferExamples Craft(TransferCell cell, TransferInputs inputs, SurrogateLease lease, Tensor images, Tensor labels, Tensor? targets)
    {
        using var scope = NewDisposeScope();
        var surrogate = lease.Surrogate;
        var heldOutCount = Math.Min(inputs.Options.AgreementPoints, inputs.Test.Count);
        var surrogateHeldOut = surrogate.Surrogate.PredictLabels(inputs.Test.Images.narrow(0, 0, heldOutCount));

        var clock = Stopwatch.StartNew();
        var generator = new Generator((ulong)cell.Seed);
        var parts = new List<(Tensor X, Tensor Success, Tensor L2, Tensor Linf)>();
        var n = images.shape[0];
        for (long start = 0; start < n; start += inputs.Options.AttackBatchSize)
        {
            using var batchScope = NewDisposeScope();
            var length = Math.Min(inputs.Options.AttackBatchSize, n - start);
            var x = images.narrow(0, start, length).to(inputs.Context.Device);
            var y = labels.narrow(0, start, length).to(inputs.Context.Device);
            var goal = targets is null
                ? AttackGoal.Untargeted(cell.Epsilon)
                : AttackGoal.TargetedAt(targets.narrow(0, start, length).to(inputs.Context.Device), cell.Epsilon);
            var result = inputs.Attack.Run(surrogate.Surrogate, x, y, goal, generator);
            parts.Add((result.Adversarial.cpu().clone().MoveToOuterDisposeScope(), result.Success.cpu().clone().MoveToOuterDisposeScope(),
                result.L2.cpu().clone().MoveToOuterDisposeScope(), result.Linf.cpu().clone().MoveToOuterDisposeScope()));
        }
        clock.Stop();
        var adversarial = cat(parts.Select(p => p.X).ToList(), 0).DetachFromDisposeScope();
        return new TransferExamples(
            adversarial,
            cat(parts.Select(p => p.Success).ToList(), 0).to_type(ScalarType.Bool).data<bool>().ToArray(),
            cat(parts.Select(p => p.L2).ToList(), 0).to_type(ScalarType.Float32).data<float>().ToArray(),
            cat(parts.Select(p => p.Linf).ToList(), 0).to_type(ScalarType.Float32).data<float>().ToArray(),
            clock.Elapsed.TotalSeconds,
            surrogate.ArtefactHash, surrogate.TrainingSetSize, surrogate.Queries, surrogate.Rejected, surrogate.OracleForwardPasses,
            lease.Reused ? 0 : surrogate.TrainingSeconds, surrogateHeldOut.data<long>().ToArray(), surrogate.Config)
        {
            SurrogateBuildSeconds = surrogate.BuildSeconds,
        };
    }

    private static double? Agreement(long[] surrogate, Tensor oracle)
    {
        var answers = oracle.data<long>().ToArray();
        var answered = Enumerable.Range(0, surrogate.Length).Where(i => answers[i] != Labels.Reject).ToArray();
        return answered.Length == 0 ? null : answered.Count(i => surrogate[i] == answers[i]) / (double)answered.Length;
    }

    private static void Check(TransferCell cell, TransferInputs inputs)
    {
        if (cell.Adversary != inputs.Adversary.Id)
            throw new ArgumentException($"cell {cell}: adversary '{cell.Adversary}' but the adversary given is '{inputs.Adversary.Id}'.");
        if (cell.Attack != inputs.Attack.Id)
            throw new ArgumentException($"cell {cell}: attack '{cell.Attack}' but the attack given is '{inputs.Attack.Id}'.");
        if (cell.Defense != inputs.Defense.Id)
            throw new ArgumentException($"cell {cell}: defense '{cell.Defense}' but the defense given is '{inputs.Defense.Id}'.");
        if (cell.Dataset != inputs.Context.Dataset.Id)
            throw new ArgumentException($"cell {cell}: dataset '{cell.Dataset}' but the adversary context is '{inputs.Context.Dataset.Id}'.");
        if (cell.Epsilon < 0 || double.IsNaN(cell.Epsilon))
            throw new ArgumentOutOfRangeException(nameof(cell), cell.Epsilon, $"cell {cell}: ε must be >= 0.");
        inputs.Options.Validated();
    }
}
