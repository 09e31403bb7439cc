using System.Text.Json.Nodes;
using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// A transformation every trained network of a run goes through: "dense" leaves it alone; a pruning variant
/// (e.g. "slr-0.8-irregular") prunes it and retrains it with masks. <see cref="INetworkTrainer"/> calls it after
/// training and caches the result as its own artefact, keyed by the dense artefact's hash and <see cref="Id"/>.
/// </summary>
public interface INetworkVariant
{
    /// <summary>"dense", or the variant's id as reports show it (kebab-case).</summary>
    string Id { get; }

    /// <summary>
    /// The settings besides <see cref="Id"/> that change the result (a pruning variant's epochs, learning rates, SLR
    /// constants), hashed into the variant's artefact key; null when the id says everything.
    /// </summary>
    JsonNode? Settings => null;

    /// <summary>Changes <paramref name="network"/> in place; may train it again with the request's loss and transform.</summary>
    void Apply(nn.Module<Tensor, Tensor> network, NetworkRequest request, LabeledImages data, Device device);
}
