using Robustness.Attacks.Benchmarks;
using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Attacks.Tests;

public sealed class PgdBenchmarkTests
{
    [Test]
    public void Run_NoReference_MeasuresPositiveRateWithoutRatio()
    {
        var context = new BenchmarkContext(CPU, BatchSize: 2, WarmupIterations: 0, Iterations: 1, PythonExecutable: null, ReferenceScript: null, Threads: 1);
        var result = new PgdBenchmark().Run(context).Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Name, Is.EqualTo("pgd-10"));
            Assert.That(result.ImagesPerSecond, Is.GreaterThan(0));
            Assert.That(result.RatioToReference, Is.Null);
        });
    }

    [Test]
    public void Run_MissingReferenceScript_SaysWhyInNotes()
    {
        var context = new BenchmarkContext(CPU, 2, 0, 1, "/usr/bin/python3", "/nonexistent/bench/reference.py", 1);
        var result = new PgdBenchmark().Run(context).Single();
        Assert.That(result.Notes, Does.Contain(PgdBenchmark.ReferenceScriptName));
    }

    [Test]
    public void Run_TimedRounds_SynchroniseTheDeviceBeforeEveryClockRead()
    {
        var synchronised = 0;
        var context = new BenchmarkContext(CPU, BatchSize: 2, WarmupIterations: 0, Iterations: 1, PythonExecutable: null, ReferenceScript: null,
            Threads: 1, Rounds: 3, Synchronise: _ => synchronised++);
        new PgdBenchmark().Run(context).Single();
        Assert.That(synchronised, Is.EqualTo(2 * 3), "start and read of each of the 3 rounds");
    }
}
