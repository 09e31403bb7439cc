using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Data;

/// <summary>
/// Reads the CIFAR-10 binary layout: records of 1 label byte + 3072 pixel bytes (R, G, B planes of 32×32).
/// Each file must hold whole records, 10 000 of them (<see cref="DatasetSizes"/>: any count in a declared reduced
/// copy). A file reached through a symbolic link is measured by what it links to.
/// </summary>
internal static class Cifar10Reader
{
    public const int RecordBytes = 1 + 3 * 32 * 32;
    public const int RecordsPerFile = DatasetSizes.Cifar10RecordsPerFile;
    public static readonly string[] TrainFiles = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];
    public static readonly string[] TestFiles = ["test_batch.bin"];

    public static LabeledImages Read(string directory, DatasetSplit split)
    {
        var files = split == DatasetSplit.Train ? TrainFiles : TestFiles;
        var chunks = files.Select(f => ReadFile(directory, Path.Combine(directory, f))).ToList();
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

    private static byte[] ReadFile(string directory, string path)
    {
        if (!File.Exists(path)) throw new DatasetFormatException(path, "file not found (CIFAR-10 binary layout expected)");
        var bytes = File.ReadAllBytes(path); // follows symbolic links, unlike FileInfo.Length
        if (bytes.Length % RecordBytes != 0)
            throw new DatasetFormatException(path, $"{bytes.Length:N0} bytes is not a whole number of {RecordBytes}-byte records " +
                $"({RecordsPerFile:N0} records = {(long)RecordsPerFile * RecordBytes:N0} bytes): truncated or not CIFAR-10");
        DatasetSizes.Check(path, directory, "records", bytes.Length / RecordBytes, RecordsPerFile);
        for (var i = 0; i < bytes.Length; i += RecordBytes)
        {
            if (bytes[i] > 9)
                throw new DatasetFormatException(path, $"record {i / RecordBytes} has label {bytes[i]}, expected 0-9");
        }
        return bytes;
    }
}
