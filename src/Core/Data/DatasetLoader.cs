namespace Robustness.Core.Data;

/// <summary>Loads a dataset split as [N,C,H,W] float32 in [0,1] plus int64 labels, validated.</summary>
public static class DatasetLoader
{
    /// <param name="dataDirectory">The --data option (a root holding the dataset folders), or null for the default order.</param>
    public static LabeledImages Load(string datasetId, DatasetSplit split, string? dataDirectory = null)
    {
        NativeLibrary.EnsureLoaded();
        var folder = DataDirectory.Resolve(datasetId, dataDirectory);
        return datasetId switch
        {
            DatasetIds.Cifar10 => Cifar10Reader.Read(folder, split),
            DatasetIds.FashionMnist => FashionMnistReader.Read(folder, split),
            _ => throw new ArgumentException($"Unknown dataset '{datasetId}'.", nameof(datasetId)),
        };
    }

    /// <summary>The first <paramref name="limit"/> examples of a split (all when null): deterministic subsets.</summary>
    public static LabeledImages Load(string datasetId, DatasetSplit split, int? limit, string? dataDirectory = null)
    {
        var all = Load(datasetId, split, dataDirectory);
        if (limit is null || limit >= all.Count) return all;
        using (all)
        {
            using var head = all.Take(limit.Value);
            return new LabeledImages(head.Images.clone(), head.Labels.clone());
        }
    }
}
