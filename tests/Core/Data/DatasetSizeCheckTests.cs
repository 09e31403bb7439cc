using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Testing;

namespace Robustness.Core.Tests.Data;

/// <summary>
/// Issue 18, item 8: every load checks record counts against the real dataset's sizes (a file cut at a record
/// boundary is still truncated) and measures files through symbolic links by what they link to.
/// </summary>
public sealed class DatasetSizeCheckTests
{
    [Test]
    public void Cifar10Reader_BatchCutToWholeRecords_ErrorNamesTheFileAndTheRealCount()
    {
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "cifar-10-batches-bin")).FullName;
        var cut = Path.Combine(folder, "data_batch_1.bin");
        File.WriteAllBytes(cut, LabelledRecords(5_000));

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Reader.Read(folder, DatasetSplit.Train))!;
        Assert.That(error.Message, Does.Contain(cut).And.Contain("5,000 records").And.Contain("10,000"));
    }

    [Test]
    public void FashionMnistReader_FewerImagesThanTheRealDataset_ErrorNamesTheImagesFile()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteFashionMnist(temp.Path, count: 12, gzip: false);
        File.Delete(Path.Combine(folder, DatasetSizes.ReducedCopyMarker));

        var error = Assert.Throws<DatasetFormatException>(() => FashionMnistReader.Read(folder, DatasetSplit.Test))!;
        Assert.That(error.Message, Does.Contain(Path.Combine(folder, "t10k-images-idx3-ubyte")).And.Contain("12 images").And.Contain("10,000"));
    }

    [Test]
    public void Cifar10Reader_FilesAreSymbolicLinks_ReadsWhatTheyLinkTo()
    {
        using var temp = new TempDirectory();
        var real = DatasetFiles.WriteCifar10(Path.Combine(temp.Path, "real"), recordsPerFile: 4);
        var linked = Directory.CreateDirectory(Path.Combine(temp.Path, "linked", "cifar-10-batches-bin")).FullName;
        foreach (var file in Directory.GetFiles(real))
            File.CreateSymbolicLink(Path.Combine(linked, Path.GetFileName(file)), file);

        using var train = Cifar10Reader.Read(linked, DatasetSplit.Train);
        using var test = Cifar10Reader.Read(linked, DatasetSplit.Test);
        Assert.That((train.Count, test.Count), Is.EqualTo((20, 4)));
    }

    [Test]
    public void Cifar10Reader_SymbolicLinkToATruncatedFile_ErrorNamesTheLink()
    {
        using var temp = new TempDirectory();
        var real = DatasetFiles.WriteCifar10(Path.Combine(temp.Path, "real"), recordsPerFile: 4);
        var target = Path.Combine(real, "test_batch.bin");
        File.WriteAllBytes(target, File.ReadAllBytes(target)[..^10]);
        var linked = Directory.CreateDirectory(Path.Combine(temp.Path, "linked", "cifar-10-batches-bin")).FullName;
        DatasetSizes.MarkReducedCopy(linked);
        var link = Path.Combine(linked, "test_batch.bin");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Reader.Read(linked, DatasetSplit.Test))!;
        Assert.That(error.Message, Does.Contain(link).And.Contain($"{4 * Cifar10Reader.RecordBytes - 10:N0} bytes"));
    }

    private static byte[] LabelledRecords(int records)
    {
        var bytes = new byte[records * Cifar10Reader.RecordBytes];
        for (var r = 0; r < records; r++) bytes[r * Cifar10Reader.RecordBytes] = (byte)(r % 10);
        return bytes;
    }
}
