using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Models;

/// <summary>A tiny fast CNN for the smoke profile and tests: conv16-pool-conv32-pool-fc64.</summary>
public static class SmallCnn
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, int inputSize)
    {
        var flat = 32 * (inputSize / 4) * (inputSize / 4);
        return nn.Sequential(
            ("input", new InputStage(spec.Dataset, spec.InputSize, spec.Layout)),
            ("conv1", nn.Conv2d(spec.Dataset.Channels, 16, 3, padding: 1)),
            ("act1", spec.NewActivation()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(16, 32, 3, padding: 1)),
            ("act2", spec.NewActivation()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(flat, 64)),
            ("act3", spec.NewActivation()),
            ("fc2", nn.Linear(64, spec.OutputCount)));
    }
}
