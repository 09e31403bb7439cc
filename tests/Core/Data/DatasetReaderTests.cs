using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Core.Tests.Data;

public sealed class DatasetReaderTests
{
    [Test]
    public void Cifar10Reader_GeneratedFiles_DecodesPlanesAndLabels()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 20);
        var raw = File.ReadAllBytes(Path.Combine(folder, "test_batch.bin"));

        using var data = Cifar10Reader.Read(folder, DatasetSplit.Test);

        Assert.That(data.Images.shape, Is.EqualTo(new long[] { 20, 3, 32, 32 }));
        Assert.That(data.Labels.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(data.Labels[3].item<long>(), Is.EqualTo(3));
        // record 1: label byte, then R plane (row-major), G plane, B plane
        Assert.That(data.Images[1, 0, 0, 1].item<float>(), Is.EqualTo(raw[3073 + 1 + 1] / 255f).Within(1e-6));
        Assert.That(data.Images[1, 2, 31, 31].item<float>(), Is.EqualTo(raw[3073 + 3072] / 255f).Within(1e-6));
    }

    [Test]
    public void Cifar10Reader_TrainSplit_ConcatenatesFiveFiles()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 7);
        using var data = Cifar10Reader.Read(folder, DatasetSplit.Train);
        Assert.That(data.Count, Is.EqualTo(35));
    }

    [Test]
    public void Cifar10Reader_TruncatedFile_ErrorNamesFile()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 5);
        var path = Path.Combine(folder, "test_batch.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^100]);

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Reader.Read(folder, DatasetSplit.Test));
        Assert.That(error!.Message, Does.Contain(path).And.Contain("truncated"));
    }

    [Test]
    public void Cifar10Reader_RealLayoutRequired_SmallFileRejected()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 5);
        File.Delete(Path.Combine(folder, DatasetSizes.ReducedCopyMarker));
        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Reader.Read(folder, DatasetSplit.Test));
        Assert.That(error!.Message, Does.Contain("holds 5 records").And.Contain("10,000"));
    }

    [Test]
    public void Cifar10Reader_LabelOutOfRange_ErrorNamesRecord()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 5);
        var path = Path.Combine(folder, "test_batch.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[2 * 3073] = 12;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Reader.Read(folder, DatasetSplit.Test));
        Assert.That(error!.Message, Does.Contain("record 2").And.Contain("label 12"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void FashionMnistReader_GzipOrPlain_ReadsImagesAndLabels(bool gzip)
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteFashionMnist(temp.Path, count: 12, gzip: gzip);
        using var data = FashionMnistReader.Read(folder, DatasetSplit.Train);
        Assert.That(data.Images.shape, Is.EqualTo(new long[] { 12, 1, 28, 28 }));
        Assert.That(data.Labels[11].item<long>(), Is.EqualTo(1));
        Assert.That(data.Images.max().item<float>(), Is.LessThanOrEqualTo(1f));
    }

    [Test]
    public void IdxReader_WrongMagic_ErrorNamesFileAndMagic()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteFashionMnist(temp.Path, count: 3, gzip: false);
        var path = Path.Combine(folder, "t10k-images-idx3-ubyte");
        var bytes = File.ReadAllBytes(path);
        bytes[3] = 0x04; // 2051 -> 2052
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DatasetFormatException>(() => FashionMnistReader.Read(folder, DatasetSplit.Test));
        Assert.That(error!.Message, Does.Contain(path).And.Contain("magic 2052").And.Contain("expected 2051"));
    }

    [Test]
    public void IdxReader_LabelCountMismatch_Error()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteFashionMnist(temp.Path, count: 3, gzip: false);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"), DatasetFiles.Idx(2049, [2], [1, 2]));
        var error = Assert.Throws<DatasetFormatException>(() => FashionMnistReader.Read(folder, DatasetSplit.Test));
        Assert.That(error!.Message, Does.Contain("2 labels but"));
    }

    [Test]
    public void DataDirectory_OptionWithoutDataset_ErrorNamesOption()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Resolve(DatasetIds.Cifar10, temp.Path));
        Assert.That(error!.Message, Does.Contain("--data " + temp.Path));
    }

    [Test]
    public void DataDirectory_OptionBeatsEnvironment()
    {
        using var option = new TempDirectory();
        using var env = new TempDirectory();
        DatasetFiles.WriteFashionMnist(option.Path, 2);
        DatasetFiles.WriteFashionMnist(env.Path, 2);
        var previous = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, env.Path);
            Assert.That(DataDirectory.Resolve(DatasetIds.FashionMnist, option.Path), Does.StartWith(option.Path));
            Assert.That(DataDirectory.Resolve(DatasetIds.FashionMnist), Does.StartWith(env.Path));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, previous);
        }
    }

    [Test]
    public void LabeledImages_TakeFraction_IsDeterministicPrefix()
    {
        using var data = new LabeledImages(rand(10, 1, 2, 2), arange(10, dtype: int64));
        using var head = data.TakeFraction(0.3);
        Assert.That(head.Labels.data<long>().ToArray(), Is.EqualTo(new long[] { 0, 1, 2 }));
    }
}
