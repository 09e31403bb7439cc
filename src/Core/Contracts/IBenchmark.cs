using Robustness.Core.Benchmarks;
using static TorchSharp.torch;

namespace Robustness.Core.Contracts;

/// <summary>A throughput measurement `robustness bench` runs; projects register theirs through DI.</summary>
public interface IBenchmark
{
    string Name { get; }
    IEnumerable<BenchmarkResult> Run(BenchmarkContext context);
}

/// <param name="PythonExecutable">Debian's python3 with torch (the speed reference), or null when absent.</param>
/// <param name="ReferenceScript">bench/reference.py in the repository, or null.</param>
/// <param name="Models">Zoo model ids to measure (null: every id).</param>
/// <param name="Rounds">Timed rounds of <paramref name="Iterations"/> steps; the best round counts (robust on a shared machine).</param>
/// <param name="Synchronise">Waits for the device's queued work before the clock is read (null: <see cref="DeviceClock.Synchronise"/>).</param>
public sealed record BenchmarkContext(Device Device, int BatchSize, int WarmupIterations, int Iterations,
    string? PythonExecutable, string? ReferenceScript, int Threads, IReadOnlyList<string>? Models = null, int Rounds = 3,
    Action<Device>? Synchronise = null)
{
    /// <summary>Images per second of <paramref name="step"/> (one batch each), best of <see cref="Rounds"/>, timed with the device synchronised.</summary>
    public double ImagesPerSecond(Action step) =>
        BatchSize * new DeviceClock(Device, Synchronise).BestStepsPerSecond(step, WarmupIterations, Iterations, Rounds);
}

/// <param name="ReferenceImagesPerSecond">The same loop in PyTorch eager, when measured.</param>
/// <param name="GflopsPerSecond">Achieved rate, when the workload's FLOPs are known.</param>
public sealed record BenchmarkResult(string Name, string Model, double ImagesPerSecond,
    double? ReferenceImagesPerSecond = null, double? GflopsPerSecond = null, string Notes = "",
    double? BestReferenceImagesPerSecond = null)
{
    public double? RatioToReference => ReferenceImagesPerSecond is > 0 ? ImagesPerSecond / ReferenceImagesPerSecond : null;

    /// <summary>Ratio to the reference's fastest configuration (e.g. PyTorch in its faster memory format).</summary>
    public double? RatioToBestReference => BestReferenceImagesPerSecond is > 0 ? ImagesPerSecond / BestReferenceImagesPerSecond : null;
}
