using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Artefacts;
using Robustness.Core.Data;
using Robustness.Core.Profiles;
using Robustness.Core.Training;
using Robustness.Pruning;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Core's cached, resumable <see cref="NetworkTrainer"/> over the run's artefact directory, one per backbone
/// variant: "dense", or an <see cref="INetworkVariant"/> registered in DI under its id (keyed service).
/// </summary>
public sealed class CoreNetworkTrainerProvider(IServiceProvider services) : INetworkTrainerProvider
{
    private readonly ConcurrentDictionary<(string, string, string, EvaluationEnvironment), INetworkTrainer> trainers = new();

    public INetworkTrainer For(string variantId, DatasetProfile profile, EvaluationEnvironment environment) =>
        trainers.GetOrAdd((variantId, profile.Name, profile.Dataset, environment), _ =>
            new LedgerNetworkTrainer(new NetworkTrainer(new ArtefactStore(environment.ArtefactsDirectory), environment.Device,
                Variant(variantId, profile, environment), environment.Progress), environment.Ledger));

    /// <summary>
    /// dense; else a keyed INetworkVariant; else the pruning project's factory ("slr-0.8-irregular" ...), with the
    /// profile's "pruning" section and the first test images as its held-out evaluation set.
    /// </summary>
    private INetworkVariant Variant(string id, DatasetProfile profile, EvaluationEnvironment environment)
    {
        if (id == DenseVariant.VariantId) return DenseVariant.Instance;
        if (services.GetKeyedService<INetworkVariant>(id) is { } keyed) return keyed;
        if (services.GetService<PruningVariantFactory>() is { } pruning && PruningVariantFactory.IsPruningId(id)) 
            return pruning.Create(id, profile, n => FirstTestImages(profile, environment, n), progress: environment.Progress);
        throw new KeyNotFoundException($"Backbone variant '{id}' is unknown: neither 'dense', a keyed INetworkVariant, nor a pruning id such as 'slr-0.8-irregular'.");
    }

    private static LabeledImages FirstTestImages(DatasetProfile profile, EvaluationEnvironment environment, int count) =>
        DatasetLoader.Load(profile.Dataset, DatasetSplit.Test, Math.Min(count, profile.TestLimit ?? count), environment.DataDirectory);
}
