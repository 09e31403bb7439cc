using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// Oracle adversary of Papernot et al. 2017 as used by Mahmood et al. 2021: the seed set (first fraction q of the
/// training set) is labelled by the defense; each round trains the surrogate, then Jacobian augmentation doubles
/// the set with x' = x + λ_ρ·sign(∂Z_ŷ(x)/∂x) (surrogate logit Z; <see cref="JacobianRule"/>), labelled by the defense. Reject answers are dropped and never
/// enter the training set. Every queried image is counted; an optional budget stops augmentation when spent.
/// </summary>
public sealed class OracleJacobianAdversary : IAdversaryModel
{
    public string Id => AdversaryIds.OracleJacobian;
    public bool QueriesOracle => true;

    public SurrogateResult BuildSurrogate(
        AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget, IProgress<AdversaryProgress>? progress = null)
    {
        budget.Validated();
        var options = context.Profile.Section(AdversaryOptions.SectionName, new AdversaryOptions()).Validated();
        var config = Config(context, options, budget);
        var counter = new CountingOracle(oracle);
        var network = new SurrogateNetwork(context, options, budget.Seed, config);

        using var seedSet = context.Train.TakeFraction(budget.Q);
        var set = LabelAndKeep(counter, Truncate(seedSet.Images, Remaining(budget, counter)), context.Dataset.Id);
        try
        {
            for (var round = 0; round < options.Rounds; round++)
            {
                if (round > 0)
                {
                    var grown = Augment(set, network, options, round - 1, counter, budget, context);
                    if (grown is null) break;
                    set.Dispose();
                    set = grown;
                }
                progress?.Report(new AdversaryProgress(Id, round, options.Rounds, set.Count, counter.Queries,
                    $"round {round + 1}/{options.Rounds}: training on {set.Count} oracle-labelled images"));
                network.TrainRound(Id, round, options.EpochsPerRound, set);
            }
            var agreement = context.HeldOut is null ? null : SurrogateAgreement.Measure(network.Classifier, oracle, context.HeldOut);
            return new SurrogateResult(network.Classifier, network.ArtefactHash, set.Count, counter.Queries, counter.Rejected,
                counter.ForwardPasses, network.Seconds, agreement, network.AllFromCache, config)
            {
                BuildSeconds = network.BuildSeconds,
            };
        }
        finally
        {
            set.Dispose();
        }
    }

    /// <summary>Grows the set by one augmentation; null when the query budget allows no new point.</summary>
    private static LabeledImages? Augment(LabeledImages set, SurrogateNetwork network, AdversaryOptions options, int augmentation,
        CountingOracle counter, AdversaryBudget budget, AdversaryContext context)
    {
        using var scope = NewDisposeScope();
        var fresh = JacobianAugmentation.Step(network.Classifier, set.Images, set.Labels, options.LambdaAt(augmentation),
            options.JacobianRule, context.Device, options.GradientBatchSize);
        var remaining = Remaining(budget, counter);
        if (options.Labelling == LabellingMode.RelabelAll && remaining >= set.Count + fresh.shape[0])
            return LabelAndKeep(counter, cat([set.Images, fresh], 0), context.Dataset.Id);

        var labelled = Truncate(fresh, remaining);
        if (labelled.shape[0] == 0) return null;
        using var added = LabelAndKeep(counter, labelled, context.Dataset.Id, allowEmpty: true);
        return new LabeledImages(cat([set.Images, added.Images], 0), cat([set.Labels, added.Labels], 0));
    }

    /// <summary>Queries the oracle for <paramref name="images"/> and keeps the non-Reject answers (new owner).</summary>
    internal static LabeledImages LabelAndKeep(CountingOracle counter, Tensor images, string dataset, bool allowEmpty = false)
    {
        using var scope = NewDisposeScope();
        var labels = counter.Label(images);
        var kept = labels.ne(Labels.Reject).nonzero().flatten();
        if (kept.shape[0] == 0 && !allowEmpty)
            throw new InvalidOperationException($"oracle-jacobian on '{dataset}': the defense rejected all {images.shape[0]} seed images; no surrogate can be trained.");
        return new LabeledImages(images.index_select(0, kept).cpu().contiguous(), labels.index_select(0, kept).contiguous());
    }

    private static long Remaining(AdversaryBudget budget, CountingOracle counter) =>
        budget.MaxQueries is { } max ? Math.Max(0, max - counter.Queries) : long.MaxValue;

    private static Tensor Truncate(Tensor images, long count) =>
        count >= images.shape[0] ? images : images.narrow(0, 0, count);

    private static Dictionary<string, string> Config(AdversaryContext context, AdversaryOptions options, AdversaryBudget budget)
    {
        var config = SurrogateNetwork.BaseConfig(context, options, budget, AdversaryIds.OracleJacobian);
        config["oracle"] = context.OracleKey;
        config["rounds"] = options.Rounds.ToString(CultureInfo.InvariantCulture);
        config["epochs-per-round"] = options.EpochsPerRound.ToString(CultureInfo.InvariantCulture);
        config["learning-rate"] = options.LearningRate.ToString("R", CultureInfo.InvariantCulture);
        config["lambda"] = options.Lambda.ToString("R", CultureInfo.InvariantCulture);
        config["lambda-schedule"] = $"{options.LambdaSchedule}/{options.LambdaPeriod}";
        config["jacobian-rule"] = options.JacobianRule.ToString();
        config["labelling"] = options.Labelling.ToString();
        config["max-queries"] = budget.MaxQueries?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
        return config;
    }
}
