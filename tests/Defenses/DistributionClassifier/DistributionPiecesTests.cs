using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;
using Robustness.Defenses.DistributionClassifier;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.DistributionClassifier;

public sealed class DistributionPiecesTests
{
    [Test]
    public void Features_AnyProbabilities_EachClassSumsToSampleCount(
        [Random(0, 10_000, 4)] int seed, [Values(0.0, 0.05)] double bandwidth)
    {
        var generator = new Generator((ulong)seed);
        const int samples = 37, classes = 10, bins = 20;
        using var logits = randn([5, samples, classes], generator: generator) * 4;
        using var probabilities = logits.softmax(2);
        probabilities[0, 0] = zeros(classes);
        probabilities[0, 0, 3] = tensor(1f);                                    // the edge value 1.0 falls in the last bin
        using var features = SoftmaxHistogram.Features(probabilities, bins, bandwidth);
        Assert.That(features.shape, Is.EqualTo(new long[] { 5, classes * bins }));
        using var perClass = features.reshape(5, classes, bins).sum(new long[] { 2 });
        Assert.That(perClass.data<float>().ToArray(), Is.All.EqualTo(samples).Within(1e-3));
        if (bandwidth == 0)
            Assert.That(features.data<float>().ToArray(), Is.All.Matches<float>(v => v == MathF.Round(v)), "histogram counts are integers");
    }

    [Test]
    public void Features_PaperOptions_OneSoftmaxValueIsAGaussianBumpOfWidth005()
    {
        // One copy (N = 1) whose class-0 probability is 0.5: a histogram puts all mass in one bin, the paper's KDE
        // spreads it as a Gaussian of standard deviation 0.05 centred on 0.5 over the 100 bins.
        var options = new DistributionClassifierOptions();
        using var probabilities = tensor(new[] { 0.5f, 0.5f }).reshape(1, 1, 2);
        using var features = SoftmaxHistogram.Features(probabilities, options.Bins, options.KernelBandwidth);
        var density = features.reshape(2, options.Bins)[0].data<float>().ToArray().Select(v => (double)v).ToArray();
        var centres = Enumerable.Range(0, options.Bins).Select(i => (i + 0.5) / options.Bins).ToArray();
        var mass = density.Sum();
        var mean = density.Zip(centres, (d, c) => d * c).Sum() / mass;
        var std = Math.Sqrt(density.Zip(centres, (d, c) => d * (c - mean) * (c - mean)).Sum() / mass);
        Assert.That(options.Bins, Is.EqualTo(100));
        Assert.That(mass, Is.EqualTo(1).Within(1e-4));
        Assert.That(mean, Is.EqualTo(0.5).Within(1e-4));
        Assert.That(std, Is.EqualTo(0.05).Within(1e-3), "kernel width 0.05");
        Assert.That(density.Count(d => d > 0.01), Is.GreaterThan(10), "spread over many bins, not one");
    }

    [TestCase(ProfileNames.Paper, "cifar10", 50, 10_000)]
    [TestCase(ProfileNames.Paper, "fashion-mnist", 100, 1000)]
    public void Section_PaperProfile_HasThePapersSamplesKdeAndTrainingImages(string profile, string dataset, int samples, int trainImages)
    {
        var options = ProfileCatalog.Default().Get(profile, dataset).Section($"defenses.{DefenseIds.DistributionClassifier}", new DistributionClassifierOptions());
        Assert.That((options.Samples, options.Bins, options.KernelBandwidth, options.TrainImages), Is.EqualTo((samples, 100, 0.05, trainImages)));
    }

    [Test]
    public void FirstIndices_ConstantClassifier_KeepsOnlyTheImagesItGetsRightInOrder()
    {
        using var images = zeros(3000, 1, 4, 4);
        using var labels = tensor(Enumerable.Range(0, 3000).Select(i => (long)(i * 7 % 3)).ToArray());
        using var indices = CorrectlyClassified.FirstIndices(new ConstantClassifier(2), images, labels, count: 900);
        var expected = Enumerable.Range(0, 3000).Where(i => i * 7 % 3 == 2).Take(900).Select(i => (long)i).ToArray();
        Assert.That(indices.data<long>().ToArray(), Is.EqualTo(expected));
        using var all = CorrectlyClassified.FirstIndices(new ConstantClassifier(2), images, labels, count: 5000);
        Assert.That(all.numel(), Is.EqualTo(1000), "fewer when the correct images run out");
    }

    private sealed class ConstantClassifier(int label) : IClassifier
    {
        public int NumClasses => 3;

        public Tensor Logits(Tensor images) =>
            nn.functional.one_hot(full(images.shape[0], label, int64), NumClasses).to_type(float32);
    }

    [Test]
    public void Apply_MinScaleOne_ReturnsTheImage()
    {
        using var images = rand(4, 3, 32, 32, generator: new Generator(1));
        using var transformed = RandomResizePad.Apply(images, 1.0, new Generator(2));
        Assert.That((transformed - images).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void Apply_WhiteImages_PlacesAResizedSquareOnZeroPadding()
    {
        using var images = ones(64, 1, 28, 28);
        using var transformed = RandomResizePad.Apply(images, 0.5, new Generator(3));
        using var area = transformed.gt(0.5f).sum(new long[] { 1, 2, 3 });
        var sides = area.data<long>().ToArray().Select(a => Math.Sqrt(a)).ToArray();
        Assert.That(transformed.shape, Is.EqualTo(images.shape));
        Assert.That(sides, Is.All.InRange(14, 28));
        Assert.That(sides, Is.All.Matches<double>(s => s == Math.Round(s)), "the resized image is a square of integer side");
        Assert.That(sides.Distinct().Count(), Is.GreaterThan(3), "sizes are random");
    }

    [Test]
    public void Decide_Votes_ReturnsMostFrequentArgMax()
    {
        using var probabilities = tensor(new float[] { 0.9f, 0.1f, 0, 0.2f, 0.8f, 0, 0.3f, 0.7f, 0 }).reshape(1, 3, 3);
        using var label = MajorityVote.Decide(probabilities);
        Assert.That(label.item<long>(), Is.EqualTo(1));
    }

    [Test]
    public void HistogramClassifier_SeparableFeatures_PredictsTheirClasses()
    {
        var labels = Enumerable.Range(0, 90).Select(i => (long)(i % 3)).ToArray();
        var features = labels.Select(l => Enumerable.Range(0, 6).Select(j => j / 2 == l ? 1f : 0f).ToArray()).ToArray();
        var classifier = HistogramClassifier.Train(features, labels, 3, seed: 0, maximumIterations: 50);
        Assert.That(classifier.Predict(features), Is.EqualTo(labels));
    }
}
