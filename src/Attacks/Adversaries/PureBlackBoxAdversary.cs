using System.Globalization;
using Robustness.Core.Contracts;
using Robustness.Core.Data;

namespace Robustness.Attacks.Adversaries;

/// <summary>
/// Pure black-box adversary (Mahmood et al. 2021): the surrogate is trained on the first fraction q of the training
/// set with its true labels and never queries the defense, so the surrogate (and its adversarial examples) are the
/// same for every defense. Its artefact key has no oracle in it. Training runs a fixed number of optimiser steps
/// (<see cref="AdversaryOptions.PureBlackBoxSteps"/>), so the epoch count grows as q shrinks.
/// </summary>
public sealed class PureBlackBoxAdversary : IAdversaryModel
{
    public string Id => AdversaryIds.PureBlackBox;
    public bool QueriesOracle => false;

    public SurrogateResult BuildSurrogate(
        AdversaryContext context, IFittedDefense oracle, AdversaryBudget budget, IProgress<AdversaryProgress>? progress = null)
    {
        budget.Validated();
        var options = context.Profile.Section(AdversaryOptions.SectionName, new AdversaryOptions()).Validated();
        using var seedSet = context.Train.TakeFraction(budget.Q);
        var steps = options.PureBlackBoxSteps(context.Train.Count);
        var epochs = options.EpochsFor(steps, seedSet.Count);
        var config = SurrogateNetwork.BaseConfig(context, options, budget, Id);
        config["steps"] = steps.ToString(CultureInfo.InvariantCulture);
        config["epochs"] = epochs.ToString(CultureInfo.InvariantCulture);
        config["learning-rate"] = options.LearningRate.ToString("R", CultureInfo.InvariantCulture);

        using var data = new LabeledImages(seedSet.Images.clone(), seedSet.Labels.clone());
        progress?.Report(new AdversaryProgress(Id, 0, 1, data.Count, 0, $"training surrogate on {data.Count} true-labelled images"));
        var network = new SurrogateNetwork(context, options, budget.Seed, config);
        network.TrainRound(Id, 0, epochs, data);

        var agreement = context.HeldOut is null ? null : SurrogateAgreement.Measure(network.Classifier, oracle, context.HeldOut);
        return new SurrogateResult(network.Classifier, network.ArtefactHash, data.Count, Queries: 0, Rejected: 0,
            OracleForwardPasses: 0, network.Seconds, agreement, network.AllFromCache, config)
        {
            BuildSeconds = network.BuildSeconds,
        };
    }
}
