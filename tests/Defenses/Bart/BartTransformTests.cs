using NUnit.Framework;
using Robustness.Defenses.Bart;
using Robustness.Defenses.Bart.Transforms;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Bart;

public sealed class BartTransformTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        from transform in BartGroups.All
        from shape in new[] { (Channels: 3, Size: 32), (Channels: 1, Size: 28) }
        where shape.Channels == 3 || !transform.NeedsColour
        select new TestCaseData(transform, shape.Channels, shape.Size).SetArgDisplayNames(transform.Name, $"{shape.Channels}x{shape.Size}");

    [TestCaseSource(nameof(Cases))]
    public void Apply_RandomImages_KeepsShapeAndUnitRangeAndChangesThem(IBartTransform transform, int channels, int size)
    {
        var images = rand([8, channels, size, size], generator: new Generator(5));
        var output = transform.Apply(images, new Generator(6));
        Assert.That(output.shape, Is.EqualTo(images.shape));
        Assert.That(output.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(output.isfinite().all().item<bool>(), Is.True, "finite");
        Assert.That(output.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(output.max().item<float>(), Is.LessThanOrEqualTo(1f));
        Assert.That((output - images).abs().max().item<float>(), Is.GreaterThan(1e-4f), "the transform does something");
    }

    [TestCaseSource(nameof(Cases))]
    public void Apply_ExtremeImages_StayInUnitRange(IBartTransform transform, int channels, int size)
    {
        var images = cat([zeros(2, channels, size, size), ones(2, channels, size, size), rand([2, channels, size, size], generator: new Generator(8)).round()], 0);
        var output = transform.Apply(images, new Generator(9));
        Assert.That(output.isfinite().all().item<bool>(), Is.True, "finite on constant images");
        Assert.That(output.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(output.max().item<float>(), Is.LessThanOrEqualTo(1f));
    }

    [Test]
    public void Hsv_RoundTrip_IsIdentityWithin1e5()
    {
        var rgb = rand([4, 3, 8, 8], generator: new Generator(3));
        Assert.That((Hsv.ToRgb(Hsv.FromRgb(rgb)) - rgb).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void For_ColourAndGreyscale_TenAndEightGroups()
    {
        Assert.That(BartGroups.For(3), Has.Count.EqualTo(10));
        Assert.That(BartGroups.For(1).Select(g => g.Name).ToList(), Has.Count.EqualTo(8).And.No.Member("colour-space-shift").And.No.Member("greyscale-mix"));
        Assert.That(BartGroups.All.Select(g => g.Name), Is.Unique);
    }
}
