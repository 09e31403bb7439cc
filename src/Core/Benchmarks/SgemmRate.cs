using System.Diagnostics;
using static TorchSharp.torch;

namespace Robustness.Core.Benchmarks;

/// <summary>The machine's single-precision matrix-multiply rate (GFLOP/s) with torch.mm on square matrices: the roofline.</summary>
public static class SgemmRate
{
    public static double Measure(Device device, int size = 1024, int iterations = 5, int rounds = 3)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(0);
        var a = rand([size, size], generator: generator).to(device);
        var b = rand([size, size], generator: generator).to(device);
        mm(a, b).Dispose(); // warm-up
        var best = 0.0;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) mm(a, b).Dispose();
            best = Math.Max(best, 2.0 * size * size * (double)size * iterations / watch.Elapsed.TotalSeconds / 1e9);
        }
        return best;
    }
}
