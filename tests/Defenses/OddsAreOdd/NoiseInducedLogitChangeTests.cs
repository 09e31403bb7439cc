using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Defenses.OddsAreOdd;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.OddsAreOdd;

public sealed class NoiseInducedLogitChangeTests
{
    [Test]
    public void Compute_LinearModelWithoutClipping_ChangeVanishesAndOwnColumnIsZero()
    {
        using var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 5));
        var classifier = new ModuleClassifier(model, 5, CPU);
        using var images = rand(6, 3, 8, 8, generator: new Generator(1));
        var (predicted, change) = new NoiseInducedLogitChange(classifier, 0.05, 4096, 2, clip: false).Compute(images, new Generator(2));
        using var _ = predicted;
        using var __ = change;
        using var expected = classifier.PredictLabels(images);
        using var own = change.gather(1, predicted.unsqueeze(1));
        Assert.That(predicted.data<long>().ToArray(), Is.EqualTo(expected.data<long>().ToArray()));
        Assert.That(own.abs().max().item<float>(), Is.EqualTo(0f));
        Assert.That(change.abs().max().item<float>(), Is.LessThan(0.02f), "E[W(x+η)] = Wx for a linear model");
    }

    [Test]
    public void Compute_ReluModelWithLargeNoise_ChangeIsNonZero()
    {
        using var model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 32), nn.ReLU(), nn.Linear(32, 5));
        var classifier = new ModuleClassifier(model, 5, CPU);
        using var images = rand(6, 3, 8, 8, generator: new Generator(1));
        var (predicted, change) = new NoiseInducedLogitChange(classifier, 1.0, 512, 3, clip: false).Compute(images, new Generator(2));
        using var _ = predicted;
        using var __ = change;
        Assert.That(change.abs().max().item<float>(), Is.GreaterThan(0.05f), "ReLU curvature makes the expected logit change non-zero");
    }
}
