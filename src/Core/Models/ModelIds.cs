namespace Robustness.Core.Models;

/// <summary>Stable ids of the model zoo, used in configs, artefact keys and reports.</summary>
public static class ModelIds
{
    /// <summary>The adversary's synthetic surrogate: conv64-conv64-pool-conv128-conv128-pool-fc256-fc256.</summary>
    public const string SurrogateCnn = "surrogate-cnn";
    /// <summary>
    /// The surrogate as the paper's code built it (Carlini &amp; Wagner's CIFAR net): dropout 0.5 after the first fc256.
    /// </summary>
    public const string SurrogateCnnDropout = "surrogate-cnn-dropout";
    /// <summary>A small fast CNN for the smoke profile and tests.</summary>
    public const string SmallCnn = "small-cnn";
    /// <summary>Pre-activation ResNet v2, depth 20 (a mid-size CIFAR-10 backbone; ≈ 4× the cost of vgg-slim-bn).</summary>
    public const string ResNet20 = "resnet20-v2";
    /// <summary>Pre-activation ResNet v2, depth 56 (paper profile, CIFAR-10).</summary>
    public const string ResNet56 = "resnet56-v2";
    /// <summary>VGG-16 with BatchNorm on 28→32 resized input (Fashion-MNIST).</summary>
    public const string Vgg16Bn = "vgg16-bn";
    /// <summary>VGG-16-BN layout at a quarter of the width, on 28→32 resized input (quick profile, both datasets).</summary>
    public const string VggSlimBn = "vgg-slim-bn";

    public static readonly IReadOnlyList<string> All = [SurrogateCnn, SurrogateCnnDropout, SmallCnn, ResNet20, ResNet56, Vgg16Bn, VggSlimBn];
}
