namespace Robustness.Core.Data;

/// <summary>Fashion-MNIST: the four official IDX files, each gzip-compressed (".gz") or plain.</summary>
public static class FashionMnistReader
{
    public static LabeledImages Read(string directory, DatasetSplit split)
    {
        var prefix = split == DatasetSplit.Train ? "train" : "t10k";
        return IdxReader.Read(Find(directory, $"{prefix}-images-idx3-ubyte"), Find(directory, $"{prefix}-labels-idx1-ubyte"));
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
