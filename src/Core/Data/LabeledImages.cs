using static TorchSharp.torch;

namespace Robustness.Core.Data;

/// <summary>Images float32 [N,C,H,W] in [0,1] and labels int64 [N]. Owns its tensors.</summary>
public sealed class LabeledImages : IDisposable
{
    private readonly Dictionary<string, LabeledImages> onDevices = [];

    public LabeledImages(Tensor images, Tensor labels)
    {
        if (images.dim() != 4) throw new ArgumentException($"images must be [N,C,H,W], got [{string.Join(",", images.shape)}]", nameof(images));
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be [N] with N = {images.shape[0]}, got [{string.Join(",", labels.shape)}]", nameof(labels));
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
    }

    public Tensor Images { get; }
    public Tensor Labels { get; }
    public int Count => (int)Images.shape[0];

    /// <summary>The first <paramref name="count"/> examples (deterministic prefix), as a new owner of views.</summary>
    public LabeledImages Take(int count) => Slice(0, Math.Min(count, Count));

    public LabeledImages Slice(int start, int length) =>
        new(Images.narrow(0, start, length), Labels.narrow(0, start, length));

    /// <summary>The first fraction <paramref name="q"/> of the set (at least one example).</summary>
    public LabeledImages TakeFraction(double q)
    {
        if (q is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in (0, 1]");
        return Take(Math.Max(1, (int)Math.Round(q * Count)));
    }

    public LabeledImages Select(Tensor indices) => new(Images.index_select(0, indices), Labels.index_select(0, indices));

    /// <summary>
    /// This set on <paramref name="device"/>: itself when it is there already, else a copy made on the first call
    /// and kept (owned by this set) for every later one, so a training run slices its batches on the device
    /// instead of copying each batch from the host.
    /// </summary>
    public LabeledImages On(Device device)
    {
        if (Images.IsOn(device)) return this;
        lock (onDevices)
        {
            var key = device.ToString();
            if (!onDevices.TryGetValue(key, out var copy))
            {
                using var scope = NewDisposeScope();
                onDevices[key] = copy = new LabeledImages(Images.to(device), Labels.to(device));
            }
            return copy;
        }
    }

    public void Dispose()
    {
        lock (onDevices)
        {
            foreach (var copy in onDevices.Values) copy.Dispose();
            onDevices.Clear();
        }
        Images.Dispose();
        Labels.Dispose();
    }
}
