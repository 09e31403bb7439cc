using static TorchSharp.torch;

namespace Robustness.Core.Benchmarks;

/// <summary>The machine's single-precision matrix-multiply rate (GFLOP/s) with torch.mm on square matrices: the roofline.</summary>
public static class SgemmRate
{
    /// <param name="synchronise">Waits for the device before each clock read (default <see cref="DeviceClock.Synchronise"/>).</param>
    public static double Measure(Device device, int size = 1024, int iterations = 5, int rounds = 3, Action<Device>? synchronise = null)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(0);
        var a = rand([size, size], generator: generator).to(device);
        var b = rand([size, size], generator: generator).to(device);
        var multipliesPerSecond = new DeviceClock(device, synchronise).BestStepsPerSecond(() => mm(a, b).Dispose(), warmup: 1, iterations, rounds);
        return 2.0 * size * size * (double)size * multipliesPerSecond / 1e9;
    }
}
