using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>
/// The adversary's synthetic surrogate of Mahmood et al. (2021): conv64-conv64-pool-conv128-conv128-pool-fc256-fc256
/// (3×3 convolutions, padding 1, 2×2 max pooling), then the output layer; optionally dropout after the first fc256
/// (the paper's code: Dense256, ReLU, Dropout 0.5, Dense256, ReLU, Dense10).
/// </summary>
public static class SurrogateCnn
{
    /// <summary>Dropout rate of the paper's surrogate (BewareAdvML NetworkConstructors.ConstructCarliniNetwork).</summary>
    public const double PaperDropout = 0.5;

    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int inputSize, double dropout = 0)
    {
        var flat = 128 * (inputSize / 4) * (inputSize / 4);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("input", new InputStage(spec.Dataset, spec.InputSize, spec.Layout)),
            ("conv1", nn.Conv2d(spec.Dataset.Channels, 64, 3, padding: 1)),
            ("act1", spec.NewActivation()),
            ("conv2", nn.Conv2d(64, 64, 3, padding: 1)),
            ("act2", spec.NewActivation()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv3", nn.Conv2d(64, 128, 3, padding: 1)),
            ("act3", spec.NewActivation()),
            ("conv4", nn.Conv2d(128, 128, 3, padding: 1)),
            ("act4", spec.NewActivation()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(flat, 256)),
            ("act5", spec.NewActivation()),
        };
        if (dropout > 0) layers.Add(("dropout", nn.Dropout(dropout)));
        layers.Add(("fc2", nn.Linear(256, 256)));
        layers.Add(("act6", spec.NewActivation()));
        layers.Add(("logits", nn.Linear(256, spec.OutputCount)));
        return nn.Sequential(layers.ToArray());
    }
}
