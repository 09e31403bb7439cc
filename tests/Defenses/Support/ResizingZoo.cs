using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// Test-local model zoo (until the core zoo lands): a two-conv CNN with global pooling, honouring
/// <see cref="ModelSpec.InputSize"/> by a bilinear resize in front, and recording the input sizes it saw.
/// </summary>
internal sealed class ResizingZoo : IModelZoo
{
    public const string Id = "resizing-tiny-cnn";

    public IReadOnlyList<string> Ids => [Id];

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec) =>
        new TinyCnn(spec.Dataset.Channels, spec.OutputCount, spec.InputSize);
}
