using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Data;

/// <summary>
/// Reads the CIFAR-10 binary layout: records of 1 label byte + 3072 pixel bytes (R, G, B planes of 32×32).
/// </summary>
public static class Cifar10Reader
{
    public const int RecordBytes = 1 + 3 * 32 * 32;
    public const int RecordsPerFile = 10_000;
    public static readonly string[] TrainFiles = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];
    public static readonly string[] TestFiles = ["test_batch.bin"];

    /// <param name="requireFullFiles">Each file must hold exactly 10 000 records (true for the real dataset).</param>
    public static LabeledImages Read(string directory, DatasetSplit split, bool requireFullFiles = true)
    {
        var files = split == DatasetSplit.Train ? TrainFiles : TestFiles;
        var chunks = files.Select(f => ReadFile(Path.Combine(directory, f), requireFullFiles)).ToList();
        var records = chunks.Sum(c => c.Length / RecordBytes);
        var all = new byte[(long)records * RecordBytes];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            Buffer.BlockCopy(chunk, 0, all, offset, chunk.Length);
            offset += chunk.Length;
        }
        using var scope = NewDisposeScope();
        var raw = tensor(all, dtype: ScalarType.Byte).reshape(records, RecordBytes);
        var labels = raw.select(1, 0).to(int64);
        var images = raw.narrow(1, 1, RecordBytes - 1).reshape(records, 3, 32, 32).to(float32).div_(255f);
        return new LabeledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    private static byte[] ReadFile(string path, bool requireFullFiles)
    {
        if (!File.Exists(path)) throw new DatasetFormatException(path, "file not found (CIFAR-10 binary layout expected)");
        var length = new FileInfo(path).Length;
        var expected = (long)RecordsPerFile * RecordBytes;
        if (requireFullFiles ? length != expected : length == 0 || length % RecordBytes != 0)
            throw new DatasetFormatException(path,
                $"{length:N0} bytes, expected {(requireFullFiles ? $"{expected:N0}" : $"a positive multiple of {RecordBytes}")} " +
                $"({(requireFullFiles ? RecordsPerFile.ToString("N0") : "whole")} records of {RecordBytes} bytes): truncated or not CIFAR-10");
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < bytes.Length; i += RecordBytes)
        {
            if (bytes[i] > 9)
                throw new DatasetFormatException(path, $"record {i / RecordBytes} has label {bytes[i]}, expected 0-9");
        }
        return bytes;
    }
}
