using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Benchmarks;

/// <summary>
/// Wall-clock timing of work queued on a device. CUDA runs kernels asynchronously, so a loop that reads the clock
/// without synchronising times its kernel launches, not its kernels: the clock synchronises the device when it
/// starts and before every read. On the CPU the synchronisation is a no-op.
/// </summary>
/// <param name="synchronise">Waits for the device's queued work (default <see cref="Synchronise"/>); a test hook.</param>
public sealed class DeviceClock(Device device, Action<Device>? synchronise = null)
{
    private readonly Action<Device> synchronise = synchronise ?? Synchronise;
    private readonly Stopwatch watch = new();

    public void Restart()
    {
        synchronise(device);
        watch.Restart();
    }

    public double ElapsedSeconds
    {
        get
        {
            synchronise(device);
            return watch.Elapsed.TotalSeconds;
        }
    }

    /// <summary>Runs <paramref name="warmup"/> untimed steps, then returns the best of <paramref name="rounds"/>
    /// timed rounds of <paramref name="iterations"/> steps, in steps per second.</summary>
    public double BestStepsPerSecond(Action step, int warmup, int iterations, int rounds)
    {
        for (var i = 0; i < warmup; i++) step();
        var best = 0.0;
        for (var r = 0; r < Math.Max(1, rounds); r++)
        {
            Restart();
            for (var i = 0; i < iterations; i++) step();
            best = Math.Max(best, iterations / ElapsedSeconds);
        }
        return best;
    }

    /// <summary>Blocks until every kernel queued on a CUDA device has finished; nothing to wait for elsewhere.</summary>
    public static void Synchronise(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }
}
