using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Robustness.Core.Benchmarks;

/// <summary>Runs bench/reference.py (PyTorch eager) and returns its per-model images/s, or an error note.</summary>
public static class ReferenceRunner
{
    public sealed record Rates(double Train, double InputGradient);

    public static (IReadOnlyDictionary<string, Rates> Models, string Note) Run(
        string python, string script, IReadOnlyList<string> models, int batchSize, int threads, int warmup, int iterations, int rounds,
        int channels, int size)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, "--models", string.Join(",", models), "--batch-size", $"{batchSize}", "--threads", $"{threads}",
                     "--warmup", $"{warmup}", "--iterations", $"{iterations}", "--rounds", $"{rounds}", "--channels", $"{channels}", "--size", $"{size}" })
            info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = $"{threads}";
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) return (new Dictionary<string, Rates>(), $"reference failed ({process.ExitCode}): {Last(stderr.Result)}");
            var root = JsonNode.Parse(stdout.Result.Trim().Split('\n')[^1])!;
            var rates = root["models"]!.AsObject().ToDictionary(p => p.Key,
                p => new Rates(p.Value!["train"]!.GetValue<double>(), p.Value!["inputGradient"]!.GetValue<double>()));
            return (rates, $"reference: PyTorch {root["torch"]} eager, {root["blas"]}, {root["threads"]} threads");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            return (new Dictionary<string, Rates>(), $"reference unavailable: {e.Message}");
        }
    }

    private static string Last(string text) => text.Trim().Split('\n').LastOrDefault() ?? "";
}
