using NUnit.Framework;
using Robustness.Defenses.Bart.Transforms;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.Bart;

/// <summary>The defining property of each denoiser in BaRT's denoising group beyond blur.</summary>
public sealed class BartDenoiserTests
{
    [Test]
    public void Mean_DiskRadius2AtACorner_AveragesOnlyTheSixPixelsInsideTheImage()
    {
        var plane = zeros(1, 1, 8, 8);
        plane[0, 0, 0, 0] = tensor(1f);
        var mean = DiskFilters.Mean(plane, 2);
        Assert.That(mean[0, 0, 0, 0].item<float>(), Is.EqualTo(1f / 6).Within(1e-6), "disk of radius 2 has 13 pixels, 6 inside at a corner");
        Assert.That(mean[0, 0, 4, 4].item<float>(), Is.EqualTo(0f), "(4,4) is 5.7 px away: outside the disk");
        Assert.That(mean[0, 0, 2, 0].item<float>(), Is.EqualTo(1f / 9).Within(1e-6), "9 of the disk's pixels are inside at an edge two rows down");
    }

    [Test]
    public void Median_DiskRadius2_RemovesAnIsolatedSaltPixel()
    {
        var plane = full(1, 1, 9, 9, 0.5f);
        plane[0, 0, 4, 4] = tensor(1f);
        Assert.That(DiskFilters.Median(plane, 2).eq(0.5f).all().item<bool>(), Is.True);
    }

    [Test]
    public void MeanBilateral_StepEdgeBeyondTheRange_IsKeptWhileTheMeanBlursIt()
    {
        // 0.2 | 0.8 differ by 153 of 255, outside [g − 20, g + 20]: no pixel averages across the edge.
        var plane = cat([full(1, 1, 8, 4, 0.2f), full(1, 1, 8, 4, 0.8f)], 3);
        var bilateral = DiskFilters.MeanBilateral(plane, 3, 20, 20);
        Assert.That((bilateral - plane).abs().max().item<float>(), Is.LessThan(1e-6f));
        Assert.That((DiskFilters.Mean(plane, 3) - plane).abs().max().item<float>(), Is.GreaterThan(0.1f));
    }

    [Test]
    public void TotalVariation_NoisyImage_MinimisesTheRofEnergyLocally()
    {
        var generator = new Generator(8);
        var clean = cat([full(2, 1, 16, 8, 0.3f), full(2, 1, 16, 8, 0.7f)], 3);
        var noisy = clean + 0.1f * randn([2, 1, 16, 16], generator: generator);
        var weight = tensor(new[] { 0.1f, 0.2f });
        long[] dims = [2, 3];
        var denoised = TotalVariation.Denoise(noisy, weight, dims);
        double Energy(Tensor u) => ((u - noisy).square().flatten(1).sum(1) / 2 + weight.to_type(ScalarType.Float64) * TotalVariation.Of(u, dims)).sum().item<double>();
        var best = Energy(denoised);
        Assert.That(best, Is.LessThan(Energy(noisy)));
        for (var trial = 0; trial < 5; trial++)
            Assert.That(best, Is.LessThanOrEqualTo(Energy(denoised + 0.01f * randn([2, 1, 16, 16], generator: generator))), $"perturbation {trial}");
        Assert.That(TotalVariation.Of(denoised, dims)[1].item<double>(), Is.LessThan(TotalVariation.Of(denoised, dims)[0].item<double>()), "a larger weight leaves less variation");
        Assert.That((TotalVariation.Denoise(noisy, tensor(new[] { 1e-6f, 1e-6f }), dims) - noisy).abs().max().item<float>(), Is.LessThan(1e-4f), "weight → 0 is the identity");
    }

    [TestCase(16, 16)]
    [TestCase(7, 10)]
    public void Haar_InverseOfForward_IsIdentity(int height, int width)
    {
        var planes = rand([3, 1, height, width], generator: new Generator(2));
        var (approximation, details) = HaarWavelet.Forward(planes);
        Assert.That((HaarWavelet.Inverse(approximation, details, height, width) - planes).abs().max().item<float>(), Is.LessThan(1e-6f));
    }

    [Test]
    public void Haar_ImageConstantOn2x2Blocks_HasNoFinestDetailAndSurvivesDenoising()
    {
        var blocks = rand([2, 1, 8, 8], generator: new Generator(3));
        var image = blocks.repeat_interleave(2, 2).repeat_interleave(2, 3);
        var (_, details) = HaarWavelet.Forward(image);
        Assert.That(details.Diagonal.abs().max().item<float>() + details.Horizontal.abs().max().item<float>() + details.Vertical.abs().max().item<float>(), Is.LessThan(1e-6f));
        Assert.That((HaarWavelet.Denoise(image, 1, hard: true) - image).abs().max().item<float>(), Is.LessThan(1e-6f), "σ̂ = 0: nothing is thresholded");
    }

    [Test]
    public void Shrink_BayesShrink_ThresholdsAtSigmaSquaredOverSignalDeviation()
    {
        // Coefficients ±3 (×8) and ±0.5 (×8): mean square 4.625; σ = 1 → σₓ = √3.625, threshold 1/√3.625 ≈ 0.525.
        var values = Enumerable.Range(0, 16).Select(i => (i < 8 ? 3f : 0.5f) * (i % 2 == 0 ? 1 : -1)).ToArray();
        var coefficients = tensor(values, [1, 1, 4, 4]);
        var sigma = ones(1, 1, 1, 1);
        var threshold = 1 / Math.Sqrt(4.625 - 1);
        var hard = HaarWavelet.Shrink(coefficients, sigma, hard: true).flatten().data<float>().ToArray();
        var soft = HaarWavelet.Shrink(coefficients, sigma, hard: false).flatten().data<float>().ToArray();
        for (var i = 0; i < 16; i++)
        {
            Assert.That(hard[i], Is.EqualTo(i < 8 ? values[i] : 0f), $"hard {i}");
            Assert.That(soft[i], Is.EqualTo(i < 8 ? Math.Sign(values[i]) * (3 - threshold) : 0).Within(1e-5), $"soft {i}");
        }
    }

    [Test]
    public void EstimateSigma_GaussianNoise_RecoversItsDeviation()
    {
        var noise = 0.5f + 0.1f * randn([2, 1, 64, 64], generator: new Generator(4));
        Assert.That(HaarWavelet.EstimateSigma(noise).data<float>().ToArray(), Is.All.EqualTo(0.1f).Within(0.01f));
    }

    [Test]
    public void NonLocalMeans_NoisyHalves_AveragesSimilarPatchesButNotAcrossTheEdge()
    {
        var generator = new Generator(5);
        var clean = cat([full(1, 1, 24, 12, 0.2f), full(1, 1, 24, 12, 0.8f)], 3);
        var noisy = clean + 0.05f * randn([1, 1, 24, 24], generator: generator);
        var denoised = NonLocalMeans.Denoise(noisy, 5, 6, tensor(new[] { 0.05f }));
        var residual = (denoised - clean).square().mean().item<float>();
        Assert.That(residual, Is.LessThan((noisy - clean).square().mean().item<float>() / 4), "noise power falls by over 4×");
        Assert.That(denoised.narrow(3, 0, 10).mean().item<float>(), Is.EqualTo(0.2f).Within(0.01f), "the bright half does not leak in");
        var constant = full(1, 3, 8, 8, 0.4f);
        Assert.That((NonLocalMeans.Denoise(constant, 7, 11, tensor(new[] { 0.1f })) - constant).abs().max().item<float>(), Is.LessThan(1e-5f));
    }
}
