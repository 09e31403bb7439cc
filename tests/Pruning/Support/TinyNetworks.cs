using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Pruning.Tests.Support;

/// <summary>Tiny named networks with every kind of layer the default exclusions care about.</summary>
public static class TinyNetworks
{
    /// <summary>conv1 (first) → conv2 3×3 → shortcut 1×1 → conv3 3×3 → pool → fc1 → fc2 (classifier).</summary>
    public static nn.Module<Tensor, Tensor> Cnn(int channels, int classes = 10, long seed = 0, int width = 8)
    {
        manual_seed(seed);
        return nn.Sequential(
            ("conv1", nn.Conv2d(channels, width, 3, padding: 1)), ("bn1", nn.BatchNorm2d(width)), ("relu1", nn.ReLU()),
            ("conv2", nn.Conv2d(width, width, 3, padding: 1)), ("bn2", nn.BatchNorm2d(width)), ("relu2", nn.ReLU()),
            ("shortcut", nn.Conv2d(width, width, 1)),
            ("pool1", nn.MaxPool2d(2)),
            ("conv3", nn.Conv2d(width, 2 * width, 3, padding: 1)), ("relu3", nn.ReLU()),
            ("pool2", nn.AdaptiveAvgPool2d(4)), ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(32 * width, 32)), ("relu4", nn.ReLU()),
            ("fc2", nn.Linear(32, classes)));
    }
}
