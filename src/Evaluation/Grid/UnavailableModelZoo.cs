using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>Used when no model zoo is registered: defenses that need one fail with a clear error.</summary>
internal sealed class UnavailableModelZoo : IModelZoo
{
    public IReadOnlyList<string> Ids => [];

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec) =>
        throw new InvalidOperationException($"No model zoo is registered: cannot create '{modelId}'.");
}
