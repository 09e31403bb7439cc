using NUnit.Framework;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Training;

public sealed class PadCropFlipTests
{
    [Test]
    public void Apply_EachImage_IsAShiftedOrMirroredWindowOfThePaddedImage()
    {
        using var scope = NewDisposeScope();
        var images = (arange(2 * 3 * 8 * 8, dtype: float32).reshape(2, 3, 8, 8) + 1) / 400;
        var output = PadCropFlip.Apply(images, new Generator(7), pad: 2);
        Assert.That(output.shape, Is.EqualTo(images.shape));
        var padded = nn.functional.pad(images, [2, 2, 2, 2]);
        for (var i = 0; i < 2; i++)
        {
            var found = false;
            for (var dy = 0; dy <= 4 && !found; dy++)
            for (var dx = 0; dx <= 4 && !found; dx++)
            {
                var window = padded[i].narrow(1, dy, 8).narrow(2, dx, 8);
                found = Same(output[i], window) || Same(output[i], window.flip(2));
            }
            Assert.That(found, Is.True, $"image {i} is not a crop of its padded original");
        }
    }

    [Test]
    public void Apply_SameSeed_SameOutput_DifferentSeed_DifferentOutput()
    {
        using var scope = NewDisposeScope();
        var images = rand(16, 3, 8, 8, generator: new Generator(1));
        var a = PadCropFlip.Apply(images, new Generator(3));
        var b = PadCropFlip.Apply(images, new Generator(3));
        var c = PadCropFlip.Apply(images, new Generator(4));
        Assert.That(Same(a, b), Is.True);
        Assert.That(Same(a, c), Is.False);
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
