using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>Builds models by stable id. Every model normalises its [0,1] input itself.</summary>
public interface IModelZoo
{
    IReadOnlyList<string> Ids { get; }

    /// <summary>A freshly initialised model (parameters drawn from torch's seeded global generator).</summary>
    nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec);
}
