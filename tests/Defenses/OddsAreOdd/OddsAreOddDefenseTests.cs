using System.Text.Json.Nodes;
using NUnit.Framework;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Defenses.OddsAreOdd;
using Robustness.Defenses.Tests.Conformance;
using Robustness.Defenses.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.OddsAreOdd;

[NonParallelizable]
public sealed class OddsAreOddDefenseTests
{
    private const int Samples = 32;

    private LabeledImages train = null!;
    private LabeledImages test = null!;
    private FittedOddsAreOddDefense shared = null!;
    private Tensor sharedClean = null!;

    [OneTimeSetUp]
    public void FitShared()
    {
        (train, test) = DefenseFixture.Data(train: 600, test: 300);
        shared = Fitted(train, 0.1, calibration: 600);
        sharedClean = shared.Predict(test.Images);
    }

    [OneTimeTearDown]
    public void Release()
    {
        sharedClean.Dispose();
        shared.Dispose();
        train.Dispose();
        test.Dispose();
    }

    [Test]
    public void Predict_HeldOutClean_FalsePositiveRateNearTenPercentTarget() => AssertNearTarget(sharedClean, 0.1);

    [Test]
    public void Predict_HeldOutClean_FalsePositiveRateNearFortyPercentTarget()
    {
        using var defense = Fitted(train, 0.4, calibration: 600);
        using var predictions = defense.Predict(test.Images);
        AssertNearTarget(predictions, 0.4);
    }

    [Test]
    public void Predict_LargeRandomPerturbations_DetectedMoreOftenThanClean()
    {
        var generator = new Generator(11);
        using var perturbed = (test.Images + (rand(test.Images.shape, generator: generator) - 0.5) * 0.6).clamp(0, 1);
        using var noisy = shared.Predict(perturbed);
        double cleanRate = DefenseFixture.RejectRate(sharedClean), noisyRate = DefenseFixture.RejectRate(noisy);
        TestContext.Out.WriteLine($"odds-are-odd smoke: rejected clean {cleanRate:P1}, perturbed (uniform ±0.3) {noisyRate:P1}");
        Assert.That(noisyRate, Is.GreaterThan(cleanRate + 0.1));
    }

    [Test]
    public void Predict_SmokeData_CleanAccuracyAboveChanceAndRejectsFlow()
    {
        Assert.That(sharedClean.dtype, Is.EqualTo(int64));
        Assert.That(sharedClean.device_type, Is.EqualTo(DeviceType.CPU));
        Assert.That(DefenseFixture.Accuracy(sharedClean, test.Labels), Is.GreaterThan(0.3));
        Assert.That(sharedClean.data<long>().ToArray(), Has.Some.EqualTo(Labels.Reject));
        Assert.That(shared.Traits, Is.EqualTo(new DefenseTraits(Randomized: true, CanReject: true, Differentiable: false, ForwardPassesPerQuery: 1 + Samples)));
    }

    [Test]
    public void Fit_SameSeed_SameThresholdAndPredictions()
    {
        using var first = Fitted(train, 0.2, calibration: 100);
        using var second = Fitted(train, 0.2, calibration: 100);
        using var images = test.Images.narrow(0, 0, 40);
        using var a = first.Predict(images);
        using var b = second.Predict(images);
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
    public void Create_RateOutOfRange_ThrowsNamingTheField()
    {
        var (train, test) = DefenseFixture.Data(train: 16, test: 4);
        using var _ = train;
        using var __ = test;
        var context = DefenseFixture.Context(train, sections: Section(1.5, 16));
        var error = Assert.Throws<InvalidDataException>(() => RegisteredDefenses.Create(DefenseIds.OddsAreOdd, context.Profile));
        Assert.That(error!.Message, Does.Contain("defenses.odds-are-odd.falsePositiveRate"));
    }

    private void AssertNearTarget(Tensor predictions, double target)
    {
        var falsePositiveRate = DefenseFixture.RejectRate(predictions);
        TestContext.Out.WriteLine($"odds-are-odd smoke: target FPR {target:P0}, held-out FPR {falsePositiveRate:P1}, clean accuracy {DefenseFixture.Accuracy(predictions, test.Labels):P1}");
        Assert.That(falsePositiveRate, Is.EqualTo(target).Within(0.08));
    }

    private static FittedOddsAreOddDefense Fitted(LabeledImages train, double rate, int calibration)
    {
        var context = DefenseFixture.Context(train, seed: 1, sections: Section(rate, calibration));
        var configured = RegisteredDefenses.Create<OddsAreOddDefense>(DefenseIds.OddsAreOdd, context);
        Assert.That(configured.Traits.ForwardPassesPerQuery, Is.EqualTo(1 + Samples), "the profile's noise samples set the query cost before Fit");
        return configured.Fit(context);
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
