using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>Test-local zoo until Core's ModelZoo lands: every id builds the same tiny CNN (normalises nothing).</summary>
public sealed class TinyModelZoo : IModelZoo
{
    public IReadOnlyList<string> Ids => ModelIds.All;

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec) => nn.Sequential(
        ("conv1", nn.Conv2d(spec.Dataset.Channels, 16, 3, padding: 1)),
        ("relu1", spec.NewActivation()),
        ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(16, 32, 3, padding: 1)),
        ("relu2", spec.NewActivation()),
        ("pool2", nn.AdaptiveAvgPool2d(new long[] { 4, 4 })),
        ("flatten", nn.Flatten()),
        ("fc", nn.Linear(32 * 16, spec.OutputCount)));
}
