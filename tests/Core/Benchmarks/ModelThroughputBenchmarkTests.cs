using NUnit.Framework;
using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Robustness.Core.Data;
using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Benchmarks;

public sealed class ModelThroughputBenchmarkTests
{
    [Test]
    public void ForwardPerImage_ConvAndLinear_CountsTwoFlopsPerMultiplyAdd()
    {
        using var model = nn.Sequential(("conv", nn.Conv2d(3, 8, 3, padding: 1)), ("flatten", nn.Flatten()), ("fc", nn.Linear(8 * 4 * 4, 5)));
        var flops = ModelFlops.ForwardPerImage(model, [3, 4, 4]);
        Assert.That(flops, Is.EqualTo(2.0 * 8 * 4 * 4 * 3 * 3 * 3 + 2.0 * 128 * 5));
    }

    [Test]
    public void ForwardPerImage_ResNet20_IsAbout41MegaFlops()
    {
        using var model = new ModelZoo().Create(ModelIds.ResNet20, new ModelSpec(DatasetInfo.Cifar10));
        Assert.That(ModelFlops.ForwardPerImage(model, [3, 32, 32]) / 1e6, Is.InRange(75.0, 90.0), "≈ 41 M multiply-adds = 82 MFLOPs");
    }

    [Test]
    public void Run_SmallModelWithoutReference_ReportsBothLoopsWithRatesAndFlops()
    {
        var context = new BenchmarkContext(CPU, BatchSize: 8, WarmupIterations: 1, Iterations: 2, PythonExecutable: null, ReferenceScript: null,
            Threads: 1, Models: [ModelIds.SmallCnn], Rounds: 1);
        var results = new ModelThroughputBenchmark(new ModelZoo()).Run(context).ToList();
        Assert.That(results.Select(r => r.Name), Is.EqualTo(new[] { "train-step", "input-gradient" }));
        Assert.That(results.All(r => r.Model == ModelIds.SmallCnn && r.ImagesPerSecond > 0 && r.GflopsPerSecond > 0), Is.True);
        Assert.That(results.All(r => r.ReferenceImagesPerSecond is null && r.RatioToReference is null), Is.True);
    }

    [Test]
    public void Run_WithPyTorchReference_ReportsDefaultAndFasterMemoryFormatRates()
    {
        const string python = "/usr/bin/python3";
        var script = ReferenceScript();
        if (!File.Exists(python) || script is null) Assert.Ignore("needs /usr/bin/python3 and bench/reference.py");
        var context = new BenchmarkContext(CPU, BatchSize: 8, WarmupIterations: 1, Iterations: 1, PythonExecutable: python, ReferenceScript: script,
            Threads: 1, Models: [ModelIds.SmallCnn], Rounds: 1);
        var results = new ModelThroughputBenchmark(new ModelZoo()).Run(context).ToList();
        if (results[0].Notes.StartsWith("reference unavailable") || results[0].Notes.StartsWith("reference failed"))
            Assert.Ignore($"PyTorch reference not runnable here (python3-torch missing?): {results[0].Notes}");
        Assert.That(results, Has.Count.EqualTo(2));
        foreach (var r in results)
        {
            Assert.That(r.ReferenceImagesPerSecond, Is.GreaterThan(0), r.Name);
            Assert.That(r.BestReferenceImagesPerSecond, Is.GreaterThanOrEqualTo(r.ReferenceImagesPerSecond), $"{r.Name}: best of both formats");
            Assert.That(r.RatioToBestReference, Is.EqualTo(r.ImagesPerSecond / r.BestReferenceImagesPerSecond).Within(1e-9));
        }
    }

    private static string? ReferenceScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "reference.py");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [Test]
    public void SgemmRate_Measure_IsPositiveAndFinite()
    {
        var rate = SgemmRate.Measure(CPU, size: 128, iterations: 2, rounds: 1);
        Assert.That(double.IsFinite(rate) && rate > 0, Is.True);
    }
}
