using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core;

/// <summary>Resolves the --device option: "auto" (CUDA when available, else CPU), "cpu", "cuda" or "cuda:N".</summary>
public static class DeviceSelection
{
    /// <summary>The --device every command and request uses when none is given: CUDA where available, else CPU.</summary>
    public const string Default = "auto";

    public static Device Resolve(string? requested)
    {
        NativeLibrary.EnsureLoaded();
        var value = string.IsNullOrWhiteSpace(requested) ? Default : requested.Trim().ToLowerInvariant();
        if (value == "auto") return cuda.is_available() ? CUDA : CPU;
        if (value.StartsWith("cuda", StringComparison.Ordinal) && !cuda.is_available())
            throw new ArgumentException($"--device {requested}: CUDA is not available in this build (build with -p:TorchBackend=cuda on a CUDA machine).");
        try
        {
            return new Device(value);
        }
        catch (Exception e)
        {
            throw new ArgumentException($"--device {requested}: not a device (use auto, cpu, cuda or cuda:N).", e);
        }
    }
}
