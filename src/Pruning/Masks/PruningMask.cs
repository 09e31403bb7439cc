using Robustness.Pruning.Projections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Robustness.Pruning.Masks;

/// <summary>
/// Exact 0/1 masks of the pruned layers (owned). Applying zeroes the pruned weights; masking gradients keeps
/// them at zero under SGD; re-applying after every step removes what momentum and weight decay brought back.
/// </summary>
public sealed class PruningMask : IDisposable
{
    private readonly Dictionary<string, Tensor> masks;

    private PruningMask(IReadOnlyList<PrunableLayer> layers, Dictionary<string, Tensor> masks)
    {
        Layers = layers;
        this.masks = masks;
    }

    public IReadOnlyList<PrunableLayer> Layers { get; }

    public Tensor this[string layer] => masks[layer];

    /// <summary>Masks from projecting each layer's current weight onto its sparsity set.</summary>
    public static PruningMask Project(IReadOnlyList<PrunableLayer> layers, ISparsityProjection projection)
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var layer in layers)
            result[layer.Name] = projection.Mask(layer.Weight, layer.Ratio).to(layer.Weight.device).DetachFromDisposeScope();
        return new PruningMask(layers, result);
    }

    /// <summary>Masks given per layer (copied to each weight's device).</summary>
    public static PruningMask FromTensors(IReadOnlyList<PrunableLayer> layers, IReadOnlyDictionary<string, Tensor> given)
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var layer in layers)
        {
            if (!given.TryGetValue(layer.Name, out var mask))
                throw new ArgumentException($"No mask for layer '{layer.Name}'.", nameof(given));
            if (!mask.shape.SequenceEqual(layer.Weight.shape))
                throw new ArgumentException($"Mask of layer '{layer.Name}' has shape [{string.Join(",", mask.shape)}], the weight [{string.Join(",", layer.Weight.shape)}].", nameof(given));
            result[layer.Name] = mask.to(float32).to(layer.Weight.device).clone().DetachFromDisposeScope();
        }
        return new PruningMask(layers, result);
    }

    public void Apply()
    {
        using var noGrad = no_grad();
        foreach (var layer in Layers) layer.Weight.mul_(masks[layer.Name]);
    }

    public void MaskGradients()
    {
        foreach (var layer in Layers) layer.Weight.grad?.mul_(masks[layer.Name]);
    }

    public long Kept(string layer) => masks[layer].count_nonzero().item<long>();

    public void Save(string path) =>
        Safetensors.SaveStateDict(path, masks.ToDictionary(p => p.Key, p => p.Value.to(CPU)));

    /// <summary>Loads masks saved by <see cref="Save"/> for the matching layers of <paramref name="layers"/>.</summary>
    public static PruningMask Load(string path, IReadOnlyList<PrunableLayer> layers)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Mask file '{path}' does not exist.", path);
        var loaded = Safetensors.LoadStateDict(path);
        try
        {
            return FromTensors(layers, loaded);
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var mask in masks.Values) mask.Dispose();
    }
}
