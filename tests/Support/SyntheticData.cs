using Robustness.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing;

/// <summary>
/// Small learnable problems in the real datasets' shapes: each class is a fixed random template, each example
/// its class template plus Gaussian noise, clipped to [0,1]. A small CNN learns it in one or two epochs.
/// </summary>
public static class SyntheticData
{
    public static LabeledImages Create(DatasetInfo dataset, int count, long seed = 0, double noise = 0.15, int? size = null)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        int h = size ?? dataset.Height, w = size ?? dataset.Width;
        var templates = rand(new long[] { dataset.NumClasses, dataset.Channels, h, w }, generator: generator);
        var labels = arange(count, dtype: int64).remainder(dataset.NumClasses);
        labels = labels.index_select(0, randperm(count, generator: generator));
        var images = (templates.index_select(0, labels) + noise * randn(new long[] { count, dataset.Channels, h, w }, generator: generator)).clamp(0, 1);
        var result = new LabeledImages(images, labels);
        return result;
    }

    /// <summary>Same templates as <see cref="Create"/> with the same seed, fresh noise: a held-out split.</summary>
    public static LabeledImages CreateHeldOut(DatasetInfo dataset, int count, long seed = 0, double noise = 0.15) =>
        Split(Create(dataset, count * 2, seed, noise), count);

    private static LabeledImages Split(LabeledImages all, int count)
    {
        using (all)
            return new LabeledImages(all.Images.narrow(0, count, count).clone(), all.Labels.narrow(0, count, count).clone());
    }
}
