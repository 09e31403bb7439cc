using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Robustness.Core.Benchmarks;

/// <summary>Runs bench/reference.py (PyTorch eager) and returns its per-model images/s, or an error note.</summary>
public static class ReferenceRunner
{
    /// <summary>PyTorch's images/s in its default memory format, and in its faster one (channels-last or contiguous).</summary>
    public sealed record Rates(double Train, double InputGradient, double TrainBest, double InputGradientBest);

    public static (IReadOnlyDictionary<string, Rates> Models, string Note) Run(
        string python, string script, IReadOnlyList<string> models, int batchSize, int threads, int warmup, int iterations, int rounds,
        int channels, int size, string device = "cpu")
    {
        var (root, error) = RunJson(python, script, threads, "--models", string.Join(",", models), "--batch-size", $"{batchSize}",
            "--threads", $"{threads}", "--warmup", $"{warmup}", "--iterations", $"{iterations}", "--rounds", $"{rounds}",
            "--channels", $"{channels}", "--size", $"{size}", "--device", device);
        if (root is null) return (new Dictionary<string, Rates>(), error!);
        var rates = root["models"]!.AsObject().ToDictionary(p => p.Key,
            p => new Rates(p.Value!["train"]!.GetValue<double>(), p.Value!["inputGradient"]!.GetValue<double>(),
                p.Value!["trainBest"]!.GetValue<double>(), p.Value!["inputGradientBest"]!.GetValue<double>()));
        return (rates, $"reference: PyTorch {root["torch"]} eager on {device}, {root["blas"]}, {root["threads"]} threads");
    }

    /// <summary>Runs a reference script and parses the JSON object on its last stdout line; on failure, a note saying why.</summary>
    public static (JsonNode? Root, string? Error) RunJson(string python, string script, int threads, params string[] arguments)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["OMP_NUM_THREADS"] = $"{threads}";
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) return (null, $"reference failed ({process.ExitCode}): {Last(stderr.Result)}");
            return (JsonNode.Parse(Last(stdout.Result))!, null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, $"reference unavailable: {e.Message}");
        }
    }

    /// <summary>The name PyTorch's <c>torch.device</c> parses: "cpu", "cuda" or "cuda:N".</summary>
    public static string DeviceName(TorchSharp.torch.Device device) => device.type switch
    {
        TorchSharp.DeviceType.CPU => "cpu",
        TorchSharp.DeviceType.CUDA => device.index < 0 ? "cuda" : $"cuda:{device.index}",
        _ => throw new NotSupportedException($"bench reference: no PyTorch device for {device.type}"),
    };

    private static string Last(string text) => text.Trim().Split('\n').LastOrDefault() ?? "";
}
