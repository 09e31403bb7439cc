using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.Tests.InputTransformSupport;
using Robustness.Core.Training;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.ComDefend;

[Explicit]
public sealed class ComDefendScratch
{
    [TestCase(20.0, 1e-3, 8)]
    [TestCase(20.0, 1e-2, 8)]
    [TestCase(5.0, 1e-2, 8)]
    [TestCase(2.0, 3e-3, 8)]
    public void Sweep(double noise, double lr, int epochs)
    {
        var dataset = DatasetInfo.Cifar10;
        using var train = SmoothSyntheticData.Create(dataset, 600, seed: 21);
        using var test = SmoothSyntheticData.CreateHeldOut(dataset, 200, seed: 21);
        var options = new ComDefendOptions { EncoderWidths = [16, 32], DecoderWidths = [32, 16], Epochs = epochs, BatchSize = 32, LearningRate = lr, NoiseStd = noise };
        manual_seed(1);
        using var ae = new ComDefendAutoencoder(3, options, 1);
        var t = new LocalNetworkTrainer();
        var report = t.TrainOrLoad(new NetworkRequest("x", "y", "z", options.Recipe(), 1, null, ComDefendLoss.Create(options.SparsityWeight)), ae, train);
        ae.eval();
        using var g = no_grad();
        var mse = (ae.Purify(test.Images) - test.Images).pow(2).mean().item<float>();
        var code = ae.Encode(test.Images).abs().mean().item<float>();
        TestContext.Out.WriteLine($"noise {noise} lr {lr} epochs {epochs}: PSNR {10 * Math.Log10(1 / mse):F2} loss {report.FinalLoss:F4} |code| {code:F2}");
    }
}
