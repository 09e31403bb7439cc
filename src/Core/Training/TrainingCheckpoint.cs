using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robustness.Core.Training;

/// <summary>
/// Per-epoch checkpoints in a directory: each is a folder <c>epoch-NNNN</c> holding model.safetensors,
/// optimizer.bin (TorchSharp's own optimizer state format) and state.json, written under a temporary name and
/// renamed into place, so a killed process leaves either a whole checkpoint or none. Older ones are deleted.
/// </summary>
internal static class TrainingCheckpoint
{
    private const string Prefix = "epoch-";

    public sealed record State(int Epoch, string Fingerprint, long Seed, List<double> EpochLosses);

    public static void Save(string directory, nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, State state)
    {
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, $"{Prefix}{state.Epoch:D4}");
        var temp = Path.Combine(directory, $".tmp-{state.Epoch:D4}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            model.save_safetensors(Path.Combine(temp, "model.safetensors"));
            optimizer.save_state_dict(Path.Combine(temp, "optimizer.bin"));
            File.WriteAllText(Path.Combine(temp, "state.json"), JsonSerializer.Serialize(state));
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(temp, final);
        }
        catch
        {
            // A failed save (full disk) leaves no half checkpoint behind: the folder is ours, named by this call.
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
        foreach (var old in Directory.GetDirectories(directory, Prefix + "*").Where(d => d != final))
            Directory.Delete(old, recursive: true);
        foreach (var stale in Directory.GetDirectories(directory, ".tmp-*"))
            Directory.Delete(stale, recursive: true);
    }

    /// <summary>The newest complete checkpoint's state, or null. Throws naming the file if it is unreadable.</summary>
    public static (State State, string Path)? Latest(string? directory)
    {
        if (directory is null || !Directory.Exists(directory)) return null;
        var latest = Directory.GetDirectories(directory, Prefix + "*").OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
        if (latest is null) return null;
        var file = Path.Combine(latest, "state.json");
        try
        {
            var state = JsonSerializer.Deserialize<State>(File.ReadAllText(file))
                ?? throw new InvalidDataException("empty");
            return (state, latest);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException)
        {
            throw new InvalidDataException($"Checkpoint '{file}' is unreadable: {e.Message}. Delete '{latest}' to restart that epoch.", e);
        }
    }

    public static void Restore(string path, nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer)
    {
        model.load_safetensors(Path.Combine(path, "model.safetensors"));
        optimizer.load_state_dict(Path.Combine(path, "optimizer.bin"));
    }
}
