using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Support;

/// <summary>
/// A test-local model zoo: one tiny CNN (conv16-pool-conv32-pool-fc64-out) honouring <see cref="ModelSpec"/>'s
/// outputs and activation factory, so defenses can be fitted in seconds before the real zoo is needed.
/// </summary>
public sealed class TinyZoo : IModelZoo
{
    public const string TinyCnn = "tiny-cnn";

    public IReadOnlyList<string> Ids { get; } = [TinyCnn];

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec)
    {
        if (modelId != TinyCnn) throw new ArgumentException($"TinyZoo knows only '{TinyCnn}', not '{modelId}'.", nameof(modelId));
        var d = spec.Dataset;
        var flat = 32 * (d.Height / 4) * (d.Width / 4);
        return nn.Sequential(
            ("conv1", nn.Conv2d(d.Channels, 16, 3, padding: 1)), ("act1", spec.NewActivation()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)), ("act2", spec.NewActivation()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(flat, 64)), ("act3", spec.NewActivation()),
            ("fc2", nn.Linear(64, spec.OutputCount)));
    }
}
