using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Artefacts;
using Robustness.Core.Profiles;
using Robustness.Core.Training;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Core's cached, resumable <see cref="NetworkTrainer"/> over the run's artefact directory, one per backbone
/// variant: "dense", or an <see cref="INetworkVariant"/> registered in DI under its id (keyed service).
/// </summary>
public sealed class CoreNetworkTrainerProvider(IServiceProvider services) : INetworkTrainerProvider
{
    private readonly ConcurrentDictionary<(string, string), INetworkTrainer> trainers = new();

    public INetworkTrainer For(string variantId, DatasetProfile profile, EvaluationEnvironment environment) =>
        trainers.GetOrAdd((variantId, environment.ArtefactsDirectory), _ =>
            new NetworkTrainer(new ArtefactStore(environment.ArtefactsDirectory), environment.Device, Variant(variantId)));

    private INetworkVariant Variant(string id) => id == DenseVariant.VariantId
        ? DenseVariant.Instance
        : services.GetKeyedService<INetworkVariant>(id) ?? throw new KeyNotFoundException(
            $"Backbone variant '{id}' is not registered (register an INetworkVariant as a keyed service under that id, e.g. by the pruning project).");
}
