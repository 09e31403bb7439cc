using TorchSharp;

namespace Robustness.Core;

/// <summary>Loads libtorch once, with a clear message if the native library cannot load (see DESIGN.md §8).</summary>
public static class NativeLibrary
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        try
        {
            _ = torch.ones(1);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                "TorchSharp could not load its native library. On Debian 12 the build patches libLibTorchSharp.so " +
                "(DESIGN.md §8): rebuild with 'dotnet build' rather than copying binaries. Cause: " + e.Message, e);
        }
    });

    public static void EnsureLoaded() => _ = Loaded.Value;
}
