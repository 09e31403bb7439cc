using NUnit.Framework;
using Robustness.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests;

public sealed class TorchSharpLoadingTests
{
    [Test]
    public void Conv2d_ForwardAndBackward_ProducesGradients()
    {
        NativeLibrary.EnsureLoaded();
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var conv = nn.Conv2d(3, 4, 3, padding: 1);
        var x = rand(2, 3, 8, 8, requires_grad: true);
        var y = conv.call(x);
        y.sum().backward();
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 4, 8, 8 }));
        Assert.That(x.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
        Assert.That(conv.weight!.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
    }
}
