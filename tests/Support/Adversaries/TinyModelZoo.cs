using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Adversaries;

/// <summary>A model zoo of tiny, fast networks for tests: every id gets conv8-pool-fc (or an MLP for "tiny-mlp").</summary>
public sealed class TinyModelZoo : IModelZoo
{
    public const string Mlp = "tiny-mlp";
    public IReadOnlyList<string> Ids => [.. ModelIds.All, Mlp];

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec)
    {
        var d = spec.Dataset;
        if (modelId == Mlp)
            return nn.Sequential(nn.Flatten(), nn.Linear(d.Channels * d.Height * d.Width, 16), nn.Tanh(), nn.Linear(16, spec.OutputCount));
        return nn.Sequential(
            nn.Conv2d(d.Channels, 8, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(4),
            nn.Flatten(), nn.Linear(8 * (d.Height / 4) * (d.Width / 4), spec.OutputCount));
    }
}
