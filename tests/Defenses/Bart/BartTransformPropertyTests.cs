using NUnit.Framework;
using Robustness.Defenses.Bart.Transforms;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Bart;

/// <summary>The defining property of each transform added to reach Beware's groups: LAB, seam carving, CLAHE, greyscale mixes.</summary>
public sealed class BartTransformPropertyTests
{
    [Test]
    public void Lab_RoundTrip_IsIdentityWithin1e4()
    {
        var rgb = rand([4, 3, 8, 8], generator: new Generator(3));
        Assert.That((Lab.ToRgb(Lab.FromRgb(rgb)) - rgb).abs().max().item<float>(), Is.LessThan(1e-4f));
    }

    [Test]
    public void Lab_WhiteAndRed_HaveTheirCieValues()
    {
        var white = Lab.FromRgb(ones(1, 3, 1, 1)).flatten().data<float>().ToArray();
        var red = Lab.FromRgb(tensor(new float[] { 1, 0, 0 }, [1, 3, 1, 1])).flatten().data<float>().ToArray();
        Assert.That(white, Is.EqualTo(new[] { 100f, 0f, 0f }).Within(0.01f));
        Assert.That(red, Is.EqualTo(new[] { 53.24f, 80.09f, 67.20f }).Within(0.02f), "sRGB red in CIELAB (D65)");
    }

    [Test]
    public void LowestEnergyVerticalSeam_HandMadeEnergy_FollowsTheZeroPath()
    {
        int[] path = [2, 3, 3, 2, 1];
        var energy = new float[5, 6];
        for (var y = 0; y < 5; y++)
            for (var x = 0; x < 6; x++)
                energy[y, x] = x == path[y] ? 0f : 1f + x;
        Assert.That(SeamCarving.LowestEnergyVerticalSeam(energy), Is.EqualTo(path));
    }

    [Test]
    public void RemoveVerticalSeams_TwoSeams_RemovesTheTwoCheapestPathsPixelByPixel()
    {
        // Pixel value = 10·row + column; energy is 0 on columns 1 and 4 (two straight seams), 5 elsewhere.
        var plane = new float[4, 6];
        var energy = new float[4, 6];
        for (var y = 0; y < 4; y++)
            for (var x = 0; x < 6; x++)
            {
                plane[y, x] = 10 * y + x;
                energy[y, x] = x is 1 or 4 ? 0 : 5;
            }
        var (planes, remaining) = SeamCarving.RemoveVerticalSeams([plane], energy, 2);
        Assert.That(planes[0].GetLength(1), Is.EqualTo(4));
        Assert.That(remaining.GetLength(1), Is.EqualTo(4));
        for (var y = 0; y < 4; y++)
            Assert.That(Enumerable.Range(0, 4).Select(x => planes[0][y, x]), Is.EqualTo(new float[] { 10 * y, 10 * y + 2, 10 * y + 3, 10 * y + 5 }), $"row {y}");
        Assert.That(remaining.Cast<float>(), Is.All.EqualTo(5f), "the energy map loses the same pixels");
    }

    [Test]
    public void SobelEnergy_FlatColumnInTexture_IsZeroOnlyInsideTheFlatBand()
    {
        float[] columns = [0f, 0.2f, 0.5f, 0.5f, 0.5f, 0.8f, 1f];
        var grey = new float[6, 7];
        for (var y = 0; y < 6; y++)
            for (var x = 0; x < 7; x++)
                grey[y, x] = columns[x];
        var energy = SeamCarving.SobelEnergy(grey);
        Assert.That(Enumerable.Range(0, 6).Select(y => energy[y, 3]), Is.All.EqualTo(0f));
        Assert.That(Enumerable.Range(0, 6).SelectMany(y => new[] { energy[y, 0], energy[y, 2], energy[y, 6] }), Is.All.GreaterThan(0f));
        Assert.That(SeamCarving.LowestEnergyVerticalSeam(energy), Is.All.EqualTo(3), "the seam runs through the flat band");
    }

    [Test]
    public void ClipHistogram_Limit_BoundsEveryBinAndKeepsTheTotal()
    {
        var generator = new Random(4);
        var histogram = Enumerable.Range(0, Clahe.Bins).Select(b => b % 17 == 0 ? 40.0 + generator.Next(60) : generator.Next(3)).ToArray();
        var clipped = Clahe.ClipHistogram(histogram, limit: 6);
        Assert.That(clipped, Is.All.LessThanOrEqualTo(6.0 + 1e-9));
        Assert.That(clipped.Sum(), Is.EqualTo(histogram.Sum()).Within(1e-6));
        Assert.That(clipped.Zip(histogram).Where(p => p.Second < 6).All(p => p.First >= p.Second), Is.True, "the excess only raises bins");
    }

    [Test]
    public void Equalise_OneTile_MappingSlopeIsBoundedByTheClipLimit()
    {
        // One tile covering the 16×16 plane: the output difference of two values is the clipped histogram mass
        // between their bins, at most limit/pixels per bin (limit = 0.04·256 ≈ 10); plain equalisation jumps by the
        // full bin count (here 128 pixels per value).
        var plane = new float[16, 16];
        for (var p = 0; p < 256; p++) plane[p / 16, p % 16] = p % 2 == 0 ? 0.30f : 0.31f;
        var equalised = Clahe.Equalise(plane, 16, 16, clipLimit: 0.04);
        var low = equalised[0, 0];
        var high = equalised[0, 1];
        var bins = (int)(0.31f * Clahe.Bins) - (int)(0.30f * Clahe.Bins);
        Assert.That(high - low, Is.GreaterThan(0f));
        Assert.That(high - low, Is.LessThanOrEqualTo(bins * 0.04 * 256 / 256 + 1e-6), "slope ≤ clip limit");
        var unclipped = Clahe.Equalise(plane, 16, 16, clipLimit: 1.0);
        Assert.That(unclipped[0, 1] - unclipped[0, 0], Is.EqualTo(0.5f).Within(1e-6), "without clipping: plain equalisation");
    }

    [Test]
    public void Equalise_FourTiles_BlendsNeighbouringTileMappings()
    {
        // Left half dark, right half bright, each 8 columns of one tile: pixels at a tile centre use only their tile,
        // so the same input value maps differently on the two sides (adaptive, unlike global equalisation).
        var plane = new float[8, 16];
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 16; x++)
                plane[y, x] = x < 8 ? 0.1f + 0.01f * ((x + y) % 3) : 0.6f + 0.01f * ((x + y) % 3);
        plane[3, 3] = 0.35f;
        plane[3, 11] = 0.35f;
        var equalised = Clahe.Equalise(plane, 8, 8, clipLimit: 1.0);
        Assert.That(equalised[3, 3], Is.GreaterThan(0.9f), "brighter than everything else in the dark tile");
        Assert.That(equalised[3, 11], Is.LessThan(0.1f), "darker than everything else in the bright tile");
    }

    [Test]
    public void GreyscaleMix_Variants_AreBewaresFullTwoThirdsOneChannelAndPartialMixes()
    {
        var images = rand([200, 3, 6, 6], generator: new Generator(9)) * 0.8f + 0.1f;
        var output = new GreyscaleMix().Apply(images, new Generator(10));
        int full = 0, twoThirds = 0, oneChannel = 0, partial = 0;
        for (var i = 0; i < 200; i++)
        {
            bool Same(Tensor a, Tensor b) => (a - b).abs().max().item<float>() < 1e-6f;
            var unchanged = Enumerable.Range(0, 3).Count(c => Same(output[i, c], images[i, c]));
            var equalPairs = new[] { (0, 1), (0, 2), (1, 2) }.Count(p => Same(output[i, p.Item1], output[i, p.Item2]));
            if (equalPairs == 3) full++;
            else if (unchanged == 1 && equalPairs == 1) twoThirds++;
            else if (unchanged == 2) oneChannel++;
            else if (unchanged == 0 && equalPairs == 0) partial++;
        }
        TestContext.Out.WriteLine($"full {full}, two-thirds {twoThirds}, one-channel {oneChannel}, partial {partial}");
        Assert.That(full + twoThirds + oneChannel + partial, Is.EqualTo(200), "every image is one of the four variants");
        Assert.That(new[] { full, twoThirds, oneChannel, partial }, Is.All.GreaterThan(25));
    }
}
