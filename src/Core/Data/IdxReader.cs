using System.Buffers.Binary;
using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Data;

/// <summary>Reads MNIST-style IDX files (gzip-compressed or not): images magic 2051, labels magic 2049.</summary>
internal static class IdxReader
{
    public const int ImagesMagic = 2051;
    public const int LabelsMagic = 2049;

    /// <summary>Reads an image file and its label file into [N,1,H,W] float32 in [0,1] and int64 labels.</summary>
    public static LabeledImages Read(string imagesPath, string labelsPath, int expectedHeight = 28, int expectedWidth = 28)
    {
        var images = ReadAll(imagesPath);
        var labels = ReadAll(labelsPath);
        var (imageCount, height, width) = ImagesHeader(imagesPath, images);
        if (height != expectedHeight || width != expectedWidth)
            throw new DatasetFormatException(imagesPath, $"images are {height}×{width}, expected {expectedHeight}×{expectedWidth}");
        var labelCount = LabelsHeader(labelsPath, labels);
        if (labelCount != imageCount)
            throw new DatasetFormatException(labelsPath, $"{labelCount} labels but {imagesPath} holds {imageCount} images");
        for (var i = 0; i < labelCount; i++)
        {
            if (labels[8 + i] > 9) throw new DatasetFormatException(labelsPath, $"label {i} is {labels[8 + i]}, expected 0-9");
        }
        using var scope = NewDisposeScope();
        var pixels = tensor(images.AsSpan(16, imageCount * height * width).ToArray(), dtype: ScalarType.Byte)
            .reshape(imageCount, 1, height, width).to(float32).div_(255f);
        var y = tensor(labels.AsSpan(8, labelCount).ToArray(), dtype: ScalarType.Byte).to(int64);
        return new LabeledImages(pixels.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    private static (int Count, int Height, int Width) ImagesHeader(string path, byte[] bytes)
    {
        var magic = Header(path, bytes, 16, ImagesMagic, "images");
        _ = magic;
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        var expected = 16L + (long)count * height * width;
        if (count <= 0 || height <= 0 || width <= 0 || bytes.Length != expected)
            throw new DatasetFormatException(path, $"{bytes.Length:N0} bytes, header says {count}×{height}×{width} images = {expected:N0} bytes: truncated or corrupt");
        return (count, height, width);
    }

    private static int LabelsHeader(string path, byte[] bytes)
    {
        Header(path, bytes, 8, LabelsMagic, "labels");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (count <= 0 || bytes.Length != 8L + count)
            throw new DatasetFormatException(path, $"{bytes.Length:N0} bytes, header says {count} labels = {8L + count:N0} bytes: truncated or corrupt");
        return count;
    }

    private static int Header(string path, byte[] bytes, int headerBytes, int expectedMagic, string kind)
    {
        if (bytes.Length < headerBytes) throw new DatasetFormatException(path, $"only {bytes.Length} bytes, too short for an IDX {kind} header");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
            throw new DatasetFormatException(path, $"IDX magic {magic} (0x{magic:x8}), expected {expectedMagic} for {kind}");
        return magic;
    }

    /// <summary>The file's bytes, decompressed when it starts with the gzip magic.</summary>
    public static byte[] ReadAll(string path)
    {
        if (!File.Exists(path)) throw new DatasetFormatException(path, "file not found");
        using var file = File.OpenRead(path);
        var isGzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var output = new MemoryStream();
        try
        {
            if (isGzip)
            {
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                gzip.CopyTo(output);
            }
            else file.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(path, $"corrupt gzip stream ({e.Message})");
        }
        return output.ToArray();
    }
}
