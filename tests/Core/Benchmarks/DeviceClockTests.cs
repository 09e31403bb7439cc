using NUnit.Framework;
using Robustness.Core.Benchmarks;
using Robustness.Core.Contracts;
using Robustness.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Benchmarks;

/// <summary>
/// Timing loops must wait for the device before reading the clock (CUDA queues kernels asynchronously). Every
/// timed round starts and ends with a synchronisation of the benchmark's device, seen here through the hook.
/// </summary>
public sealed class DeviceClockTests
{
    [Test]
    public void BestStepsPerSecond_EveryRound_SynchronisesBeforeStartingAndBeforeReadingTheClock()
    {
        var events = new List<string>();
        var clock = new DeviceClock(CPU, _ => events.Add("sync"));
        clock.BestStepsPerSecond(() => events.Add("step"), warmup: 1, iterations: 2, rounds: 2);
        Assert.That(events, Is.EqualTo(new[] { "step", "sync", "step", "step", "sync", "sync", "step", "step", "sync" }));
    }

    [Test]
    public void SgemmRate_Measure_SynchronisesTheMeasuredDeviceAroundEveryRound()
    {
        var synchronised = new List<Device>();
        var rate = SgemmRate.Measure(CPU, size: 32, iterations: 2, rounds: 3, synchronise: synchronised.Add);
        Assert.That(rate, Is.GreaterThan(0));
        Assert.That(synchronised, Has.Count.EqualTo(2 * 3));
        Assert.That(synchronised.All(d => d.type == DeviceType.CPU), Is.True);
    }

    [Test]
    public void ModelThroughputBenchmark_Run_SynchronisesAroundEveryTimedRoundOfBothLoops()
    {
        var synchronised = 0;
        var context = new BenchmarkContext(CPU, BatchSize: 4, WarmupIterations: 0, Iterations: 1, PythonExecutable: null, ReferenceScript: null,
            Threads: 1, Models: [ModelIds.SmallCnn], Rounds: 2, Synchronise: _ => synchronised++);
        var results = new ModelThroughputBenchmark(new ModelZoo()).Run(context).ToList();
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(synchronised, Is.EqualTo(2 * 2 * 2), "train-step and input-gradient, 2 rounds, start and read");
    }

    [Test]
    public void ForwardPerImage_ModelMovedToFloat64_FeedsItsProbeOnTheModelsDeviceAndType()
    {
        using var model = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(12, 3)));
        model.to(float64);
        Assert.That(ModelFlops.ForwardPerImage(model, [3, 2, 2]), Is.EqualTo(2.0 * 12 * 3));
    }
}
