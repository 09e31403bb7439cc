using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Defenses.OddsAreOdd;
using Robustness.Defenses.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.OddsAreOdd;

public sealed class OddsAreOddDefenseTests
{
    private const int Samples = 32;

    [TestCase(0.1)]
    [TestCase(0.4)]
    public void Predict_HeldOutClean_FalsePositiveRateNearTarget(double target)
    {
        var (train, test) = DefenseFixture.Data(train: 800, test: 400);
        using var _ = train;
        using var __ = test;
        using var defense = Fitted(train, target, calibration: 800);
        using var predictions = defense.Predict(test.Images);
        var falsePositiveRate = DefenseFixture.RejectRate(predictions);
        TestContext.Out.WriteLine($"odds-are-odd smoke: target FPR {target:P0}, held-out FPR {falsePositiveRate:P1}, clean accuracy {DefenseFixture.Accuracy(predictions, test.Labels):P1}");
        Assert.That(falsePositiveRate, Is.EqualTo(target).Within(0.08));
    }

    [Test]
    public void Predict_LargeRandomPerturbations_DetectedMoreOftenThanClean()
    {
        var (train, test) = DefenseFixture.Data(train: 800, test: 400);
        using var _ = train;
        using var __ = test;
        using var defense = Fitted(train, 0.1, calibration: 800);
        var generator = new Generator(11);
        using var perturbed = (test.Images + (rand(test.Images.shape, generator: generator) - 0.5) * 0.6).clamp(0, 1);
        using var clean = defense.Predict(test.Images);
        using var noisy = defense.Predict(perturbed);
        double cleanRate = DefenseFixture.RejectRate(clean), noisyRate = DefenseFixture.RejectRate(noisy);
        TestContext.Out.WriteLine($"odds-are-odd smoke: rejected clean {cleanRate:P1}, perturbed (uniform ±0.3) {noisyRate:P1}");
        Assert.That(noisyRate, Is.GreaterThan(cleanRate + 0.1));
    }

    [Test]
    public void Predict_SmokeData_CleanAccuracyAboveChanceAndRejectsFlow()
    {
        var (train, test) = DefenseFixture.Data(train: 800, test: 400);
        using var _ = train;
        using var __ = test;
        using var defense = Fitted(train, 0.1, calibration: 800);
        using var predictions = defense.Predict(test.Images);
        Assert.That(predictions.dtype, Is.EqualTo(int64));
        Assert.That(predictions.device_type, Is.EqualTo(DeviceType.CPU));
        Assert.That(DefenseFixture.Accuracy(predictions, test.Labels), Is.GreaterThan(0.3));
        Assert.That(predictions.data<long>().ToArray(), Has.Some.EqualTo(Labels.Reject));
        Assert.That(defense.Traits, Is.EqualTo(new DefenseTraits(Randomized: true, CanReject: true, Differentiable: false, ForwardPassesPerQuery: 1 + Samples)));
    }

    [Test]
    public void Fit_SameSeed_SameThresholdAndPredictions()
    {
        var (train, test) = DefenseFixture.Data(train: 400, test: 50);
        using var _ = train;
        using var __ = test;
        using var first = Fitted(train, 0.2, calibration: 200);
        using var second = Fitted(train, 0.2, calibration: 200);
        using var a = first.Predict(test.Images);
        using var b = second.Predict(test.Images);
        Assert.That(second.Threshold, Is.EqualTo(first.Threshold));
        Assert.That(b.data<long>().ToArray(), Is.EqualTo(a.data<long>().ToArray()));
    }

    [Test]
    public void FalsePositiveThreshold_KnownScores_LeavesTheTargetFractionAbove()
    {
        using var scores = arange(100, dtype: float32);
        var threshold = FalsePositiveThreshold.For(scores, 0.25);
        using var above = scores.gt(threshold).sum();
        Assert.That(above.item<long>(), Is.EqualTo(25));
    }

    [Test]
    public void Standardizer_FittingData_HasZeroMeanUnitStdPerPair()
    {
        var generator = new Generator(5);
        using var predicted = randint(0, 3, [300], generator: generator, dtype: int64);
        using var change = randn([300, 3], generator: generator) * 4 + 2;
        using var standardizer = PairwiseStandardizer.Fit(predicted, change);
        using var z = standardizer.Transform(predicted, change);
        for (var y = 0; y < 3; y++)
        {
            using var rows = z.index_select(0, predicted.eq(y).nonzero().squeeze(1));
            for (var k = 0; k < 3; k++)
            {
                if (k == y) continue;
                using var column = rows.select(1, k);
                Assert.That(column.mean().item<float>(), Is.EqualTo(0).Within(1e-4));
                Assert.That(column.std(unbiased: false).item<float>(), Is.EqualTo(1).Within(1e-3));
            }
        }
    }

    [Test]
    public void Fit_RateOutOfRange_ThrowsNamingTheField()
    {
        var (train, test) = DefenseFixture.Data(train: 16, test: 4);
        using var _ = train;
        using var __ = test;
        using var defense = new OddsAreOddDefense(new OddsAreOddOptions());
        var error = Assert.Throws<InvalidDataException>(() => defense.Fit(DefenseFixture.Context(train, sections: Section(1.5, 16))));
        Assert.That(error!.Message, Does.Contain("defenses.odds-are-odd.falsePositiveRate"));
    }

    private static OddsAreOddDefense Fitted(LabeledImages train, double rate, int calibration)
    {
        var defense = new OddsAreOddDefense(new OddsAreOddOptions());
        defense.Fit(DefenseFixture.Context(train, seed: 1, sections: Section(rate, calibration)));
        return defense;
    }

    private static JsonObject Section(double rate, int calibration) => new()
    {
        ["defenses"] = new JsonObject
        {
            [DefenseIds.OddsAreOdd] = new JsonObject
            {
                ["falsePositiveRate"] = rate, ["noiseSamples"] = Samples, ["calibrationImages"] = calibration, ["chunkImages"] = 16,
            },
        },
    };
}
