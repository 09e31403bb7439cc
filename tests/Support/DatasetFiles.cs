using System.Buffers.Binary;
using System.IO.Compression;

namespace Robustness.Testing;

/// <summary>
/// Writes small generated files in the real datasets' on-disk formats, in folders marked as reduced copies
/// (<see cref="Robustness.Core.Data.DatasetSizes.ReducedCopyMarker"/>) so loaders accept their record counts.
/// </summary>
internal static class DatasetFiles
{
    /// <summary>CIFAR-10 binary layout: 5 train files and a test file of <paramref name="recordsPerFile"/> records.</summary>
    public static string WriteCifar10(string root, int recordsPerFile, int seed = 0)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "cifar-10-batches-bin")).FullName;
        var random = new Random(seed);
        foreach (var name in new[] { "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin" })
        {
            var bytes = new byte[recordsPerFile * 3073];
            random.NextBytes(bytes);
            for (var r = 0; r < recordsPerFile; r++) bytes[r * 3073] = (byte)(r % 10);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        Robustness.Core.Data.DatasetSizes.MarkReducedCopy(folder);
        return folder;
    }

    /// <summary>The four Fashion-MNIST IDX files with <paramref name="count"/> images each, gzip-compressed or plain.</summary>
    public static string WriteFashionMnist(string root, int count, bool gzip = true, int seed = 0)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "fashion-mnist")).FullName;
        var random = new Random(seed);
        foreach (var prefix in new[] { "train", "t10k" })
        {
            var pixels = new byte[count * 28 * 28];
            random.NextBytes(pixels);
            var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
            Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Idx(2051, [count, 28, 28], pixels), gzip);
            Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), Idx(2049, [count], labels), gzip);
        }
        Robustness.Core.Data.DatasetSizes.MarkReducedCopy(folder);
        return folder;
    }

    public static byte[] Idx(int magic, int[] dims, byte[] payload)
    {
        var bytes = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        payload.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    private static void Write(string path, byte[] content, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return;
        }
        using var file = File.Create(path + ".gz");
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(content);
    }
}
