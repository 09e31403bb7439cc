using NUnit.Framework;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Contracts;
using Robustness.Testing.Adversaries;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests.Adversaries;

public sealed class JacobianAugmentationTests
{
    /// <summary>
    /// Three classes over two pixels, logits Z = W·x + b with W = [[1, 0.2], [0, 3], [0, −3]], b = (0, 2, 0), at
    /// x = (0.95, 0.02), oracle label 0. The logit gradient ∂Z₀/∂x = W₀ = (1, 0.2): signs (+, +). The softmax
    /// gradient ∂p₀/∂x = p₀·(W₀ − Σ_k p_k W_k); class 1 dominates (Z = (0.95, 2.06, −0.06)), so its second entry
    /// ≈ p₀·(0.2 − 3·(p₁ − p₂)) is negative: signs (+, −). The default rule (the paper's code) steps along the
    /// logit's signs and does not clip: x' = (0.95 + λ, 0.02 + λ); the softmax rule would give clip((0.95 + λ,
    /// 0.02 − λ), 0, 1).
    /// </summary>
    [TestCase(0.1, 1.05, 0.12)]
    [TestCase(-0.1, 0.85, -0.08)]
    public void Step_DefaultRule_StepsAlongSignOfOracleLabelLogitGradientWithoutClipping(double lambda, double first, double second)
    {
        using var scope = NewDisposeScope();
        var model = new LinearLogits(tensor(new[,] { { 1.0f, 0.2f }, { 0f, 3f }, { 0f, -3f } }), tensor(new[] { 0f, 2f, 0f }));
        using var images = tensor(new[] { 0.95f, 0.02f }).view(1, 1, 1, 2);
        using var labels = tensor(new long[] { 0 });

        using var moved = JacobianAugmentation.Step(model, images, labels, lambda, new AdversaryOptions().JacobianRule, CPU);
        Assert.That(moved.flatten().data<float>().ToArray(), Is.EqualTo(new[] { (float)first, (float)second }).Within(1e-6f));

        using var softmax = JacobianAugmentation.Step(model, images, labels, lambda, JacobianRule.SoftmaxSignClipped, CPU);
        var expectedSoftmax = new[] { (float)Math.Clamp(0.95 + lambda, 0, 1), (float)Math.Clamp(0.02 - lambda, 0, 1) };
        Assert.That(softmax.flatten().data<float>().ToArray(), Is.EqualTo(expectedSoftmax).Within(1e-6f), "the named softmax variant");
    }

    [TestCase(0.1)]
    [TestCase(-0.1)]
    public void Step_SoftmaxRule_MovesEachPixelBySignOfFiniteDifferenceOfOracleClassProbability(double lambda)
    {
        manual_seed(11);
        var dataset = AdversaryFixture.Dataset;
        using var module = new TinyModelZoo().Create(TinyModelZoo.Mlp, new Robustness.Core.Models.ModelSpec(dataset));
        module.to(float64); // float64 so central differences resolve small slopes
        var model = new ModuleClassifier(module, 10, CPU);
        var generator = new Generator(3);
        using var images = rand([2, 1, 28, 28], dtype: float64, generator: generator) * 0.6 + 0.2; // interior: no clipping at |λ| = 0.1
        using var oracleLabels = tensor(new long[] { 3, 7 });

        using var moved = JacobianAugmentation.Step(model, images, oracleLabels, lambda, JacobianRule.SoftmaxSignClipped, CPU);

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
    public void Step_SoftmaxRulePixelsNearEdge_StayInUnitRange()
    {
        manual_seed(2);
        using var module = new TinyModelZoo().Create(TinyModelZoo.Mlp, new Robustness.Core.Models.ModelSpec(AdversaryFixture.Dataset));
        var model = new ModuleClassifier(module, 10, CPU);
        using var images = rand([4, 1, 28, 28], generator: new Generator(1)).round();
        using var moved = JacobianAugmentation.Step(model, images, tensor(new long[] { 0, 1, 2, 3 }), 0.3, JacobianRule.SoftmaxSignClipped, CPU);
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

    /// <summary>Z = W·flatten(x) + b.</summary>
    private sealed class LinearLogits(Tensor weight, Tensor bias) : IClassifier
    {
        public int NumClasses => (int)weight.shape[0];
        public Tensor Logits(Tensor images) => images.flatten(1).matmul(weight.t()) + bias;
    }
}
