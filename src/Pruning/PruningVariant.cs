using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning;

/// <summary>
/// A pruned network variant, id "method-ratio-type" (e.g. "slr-0.8-irregular"): every network the run trains is
/// pruned with the method, hard-pruned to exact masks and retrained with masks, using the request's loss, input
/// transform, augmentation and seed. The accuracies it logs (per epoch, after the hard prune, after retraining) are
/// measured on held-out images: the first <see cref="PruningOptions.EvaluationSamples"/> that
/// <paramref name="heldOut"/> returns (the grid passes the dataset's test split, which no network trains on).
/// </summary>
/// <param name="heldOut">Given n, the first n held-out images (a new set the variant disposes).</param>
/// <param name="progress">Receives the SLR/ADMM and retraining epochs' batch progress, named "owner/role method"; null: none.</param>
public sealed class PruningVariant(PruningSpec spec, PruningOptions options, Func<int, LabeledImages> heldOut, Action<string>? log = null,
    IProgress<TrainingProgress>? progress = null)
    : INetworkVariant
{
    private readonly List<PruningSummary> summaries = [];

    public PruningVariant(string id, PruningOptions? options, Func<int, LabeledImages> heldOut, Action<string>? log = null,
        IProgress<TrainingProgress>? progress = null)
        : this(PruningSpec.Parse(id), options ?? new PruningOptions(), heldOut, log, progress) { }

    public string Id => spec.Id;
    public PruningSpec Spec => spec;
    public PruningOptions Options => options;

    /// <summary>The pruning options: a profile that changes them gets another artefact.</summary>
    public JsonNode Settings => JsonSerializer.SerializeToNode(options, PrunedArtefact.Json)!;

    /// <summary>One summary per network this variant pruned, in order.</summary>
    public IReadOnlyList<PruningSummary> Summaries => summaries;

    public void Apply(nn.Module<Tensor, Tensor> network, NetworkRequest request, LabeledImages data, Device device)
    {
        var pruner = new NetworkPruner(options with { Augmentation = request.Recipe.Augmentation });
        using var evaluation = heldOut(options.EvaluationSamples);
        if (evaluation.Count == 0) throw new InvalidOperationException($"{spec.Id}: the held-out evaluation set is empty.");
        var named = progress is null ? null : new NamedProgress(progress, $"{request.Owner}/{request.Role} {spec.Id}");
        using var result = pruner.Prune(network, spec, data, evaluation, device, request.Seed, request.Loss, request.InputTransform, named,
            onEpoch: entry => log?.Invoke($"{request.Owner}/{request.Role} {spec.Id}: {entry}"));
        var summary = PruningSummary.From(result, $"{request.Owner}/{request.Role}");
        summaries.Add(summary);
        log?.Invoke(summary.ToString());
    }
}
