using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning;

/// <summary>
/// A pruned network variant, id "method-ratio-type" (e.g. "slr-0.8-irregular"): every network the run trains is
/// pruned with the method, hard-pruned to exact masks and retrained with masks, using the request's loss, input
/// transform, augmentation and seed. The accuracies it logs are measured on the first
/// <see cref="PruningOptions.EvaluationSamples"/> training examples (the variant sees no test data).
/// </summary>
public sealed class PruningVariant(PruningSpec spec, PruningOptions options, Action<string>? log = null) : INetworkVariant
{
    private readonly List<PruningSummary> summaries = [];

    public PruningVariant(string id, PruningOptions? options = null, Action<string>? log = null)
        : this(PruningSpec.Parse(id), options ?? new PruningOptions(), log) { }

    public string Id => spec.Id;
    public PruningSpec Spec => spec;

    /// <summary>One summary per network this variant pruned, in order.</summary>
    public IReadOnlyList<PruningSummary> Summaries => summaries;

    public void Apply(nn.Module<Tensor, Tensor> network, NetworkRequest request, LabeledImages data, Device device)
    {
        var pruner = new NetworkPruner(options with { Augmentation = request.Recipe.Augmentation });
        using var evaluation = data.Take(Math.Min(options.EvaluationSamples, data.Count));
        using var result = pruner.Prune(network, spec, data, evaluation, device, request.Seed, request.Loss, request.InputTransform,
            onEpoch: entry => log?.Invoke($"{request.Owner}/{request.Role} {spec.Id}: {entry}"));
        var summary = PruningSummary.From(result, $"{request.Owner}/{request.Role}");
        summaries.Add(summary);
        log?.Invoke(summary.ToString());
    }
}
