using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Testing.Adversaries;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class JacobianAugmentationTests
{
    [TestCase(0.1)]
    [TestCase(-0.1)]
    public void Step_TinyModel_MovesEachPixelBySignOfFiniteDifferenceOfOracleClassProbability(double lambda)
    {
        manual_seed(11);
        var dataset = AdversaryFixture.Dataset;
        using var module = new TinyModelZoo().Create(TinyModelZoo.Mlp, new Robustness.Core.Models.ModelSpec(dataset));
        module.to(float64); // float64 so central differences resolve small slopes
        var model = new ModuleClassifier(module, 10, CPU);
        var generator = new Generator(3);
        using var images = rand([2, 1, 28, 28], dtype: float64, generator: generator) * 0.6 + 0.2; // interior: no clipping at |λ| = 0.1
        using var oracleLabels = tensor(new long[] { 3, 7 });

        using var moved = JacobianAugmentation.Step(model, images, oracleLabels, lambda, CPU);

        var checkedPixels = 0;
        const double h = 1e-3;
        for (var i = 0; i < 2; i++)
            for (var p = 0; p < 784; p += 7)
            {
                using var scope = NewDisposeScope();
                int row = p / 28, col = p % 28;
                var plus = images.clone(); plus[i, 0, row, col] += h;
                var minus = images.clone(); minus[i, 0, row, col] -= h;
                var label = oracleLabels[i].item<long>();
                var difference = Probability(model, plus, i, label) - Probability(model, minus, i, label);
                if (Math.Abs(difference) < 1e-12) continue; // flat: no sign to compare
                var step = moved[i, 0, row, col].item<double>() - images[i, 0, row, col].item<double>();
                Assert.That(Math.Sign(step), Is.EqualTo(Math.Sign(difference) * Math.Sign(lambda)), $"image {i} pixel {p}");
                Assert.That(Math.Abs(step), Is.EqualTo(Math.Abs(lambda)).Within(1e-9));
                checkedPixels++;
            }
        Assert.That(checkedPixels, Is.GreaterThan(100));
    }

    [Test]
    public void Step_PixelsNearEdge_StayInUnitRange()
    {
        manual_seed(2);
        using var module = new TinyModelZoo().Create(TinyModelZoo.Mlp, new Robustness.Core.Models.ModelSpec(AdversaryFixture.Dataset));
        var model = new ModuleClassifier(module, 10, CPU);
        using var images = rand([4, 1, 28, 28], generator: new Generator(1)).round();
        using var moved = JacobianAugmentation.Step(model, images, tensor(new long[] { 0, 1, 2, 3 }), 0.3, CPU);
        Assert.That(moved.min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(moved.max().item<float>(), Is.LessThanOrEqualTo(1f));
    }

    [Test]
    public void LambdaAt_PeriodicSchedule_NegativeForFirstPeriodThenAlternates()
    {
        var options = new AdversaryOptions { Lambda = 0.1, LambdaPeriod = 3 };
        var signs = Enumerable.Range(0, 9).Select(r => Math.Sign(options.LambdaAt(r))).ToArray();
        Assert.That(signs, Is.EqualTo(new[] { -1, -1, -1, 1, 1, 1, -1, -1, -1 }));
        Assert.That(new AdversaryOptions { LambdaSchedule = LambdaSchedule.Constant }.LambdaAt(5), Is.EqualTo(0.1));
    }

    private static double Probability(IClassifier model, Tensor images, int index, long label)
    {
        using var noGrad = no_grad();
        return model.Logits(images).softmax(1)[index, label].item<double>();
    }
}
