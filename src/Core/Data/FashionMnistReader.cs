namespace Robustness.Core.Data;

/// <summary>Fashion-MNIST: the four official IDX files, each gzip-compressed (".gz") or plain, holding the real dataset's
/// 60 000 / 10 000 images (<see cref="DatasetSizes"/>).</summary>
internal static class FashionMnistReader
{
    public static LabeledImages Read(string directory, DatasetSplit split)
    {
        var prefix = split == DatasetSplit.Train ? "train" : "t10k";
        var imagesPath = Find(directory, $"{prefix}-images-idx3-ubyte");
        var data = IdxReader.Read(imagesPath, Find(directory, $"{prefix}-labels-idx1-ubyte"));
        try
        {
            DatasetSizes.Check(imagesPath, directory, "images", data.Count, DatasetSizes.Images(DatasetIds.FashionMnist, split));
        }
        catch
        {
            data.Dispose();
            throw;
        }
        return data;
    }

    private static string Find(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new DatasetFormatException(Path.Combine(directory, name + ".gz"), $"file not found (nor {name})");
    }
}
