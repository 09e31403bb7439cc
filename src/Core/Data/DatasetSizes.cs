namespace Robustness.Core.Data;

/// <summary>
/// The record counts of the real datasets, which every load checks: a file cut at a record boundary is still a
/// truncated file. A folder is exempt only when it declares itself a reduced copy (generated test data) with a
/// <see cref="ReducedCopyMarker"/> file; its files must then still hold whole, consistent records.
/// </summary>
public static class DatasetSizes
{
    public const string ReducedCopyMarker = "REDUCED-COPY";

    public const int Cifar10RecordsPerFile = 10_000;

    public static int Images(string datasetId, DatasetSplit split) => (datasetId, split) switch
    {
        (DatasetIds.Cifar10, DatasetSplit.Train) => 50_000,
        (DatasetIds.Cifar10, DatasetSplit.Test) => 10_000,
        (DatasetIds.FashionMnist, DatasetSplit.Train) => 60_000,
        (DatasetIds.FashionMnist, DatasetSplit.Test) => 10_000,
        _ => throw new ArgumentException($"Unknown dataset '{datasetId}'.", nameof(datasetId)),
    };

    public static bool IsReducedCopy(string folder) => File.Exists(Path.Combine(folder, ReducedCopyMarker));

    /// <summary>Marks a folder of generated files as a reduced copy (tests, samples).</summary>
    public static void MarkReducedCopy(string folder) => File.WriteAllText(Path.Combine(folder, ReducedCopyMarker),
        "Generated reduced copy: Robustness does not check these files' record counts against the real dataset's sizes.\n");

    /// <summary>Throws naming <paramref name="path"/> unless it holds the real dataset's count (any positive count in a reduced copy).</summary>
    public static void Check(string path, string folder, string what, int count, int expected)
    {
        if (count <= 0) throw new DatasetFormatException(path, $"holds no {what}");
        if (count != expected && !IsReducedCopy(folder))
            throw new DatasetFormatException(path, $"holds {count:N0} {what}, the real dataset has {expected:N0}: truncated or not the official file " +
                $"(a generated reduced copy must say so with a '{ReducedCopyMarker}' file in its folder)");
    }
}
