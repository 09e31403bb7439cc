using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Testing;

namespace Robustness.Core.Tests.Data;

public sealed class DatasetFetcherTests
{
    [Test]
    public async Task FetchAsync_LoopbackArchives_UnpacksReadableDatasets()
    {
        using var source = new TempDirectory();
        using var target = new TempDirectory();
        var cifar = TarGz(DatasetFiles.WriteCifar10(source.Path, recordsPerFile: 4), "cifar-10-batches-bin/");
        var fashion = DatasetFiles.WriteFashionMnist(source.Path, count: 6, gzip: true);
        var served = new Dictionary<string, byte[]> { ["cifar-10-binary.tar.gz"] = cifar };
        foreach (var f in Directory.GetFiles(fashion)) served[Path.GetFileName(f)] = File.ReadAllBytes(f);
        using var server = new LoopbackHttpServer(served);
        using var http = new HttpClient();
        var fetcher = new DatasetFetcher(http);

        await fetcher.FetchAsync(DatasetIds.Cifar10, new DatasetSource([Archive(server, "cifar-10-binary.tar.gz", cifar, "tar.gz", "cifar-10-batches-bin/")]), target.Path);
        await fetcher.FetchAsync(DatasetIds.FashionMnist, new DatasetSource(served.Keys.Where(k => k.EndsWith(".gz") && k.Contains("idx")).Select(k => Archive(server, k, served[k], "file")).ToList()), target.Path);

        DatasetSizes.MarkReducedCopy(Path.Combine(target.Path, "fashion-mnist")); // the mirror served generated files
        using var cifarTest = Cifar10Reader.Read(Path.Combine(target.Path, "cifar-10-batches-bin"), DatasetSplit.Test);
        using var fashionTrain = FashionMnistReader.Read(Path.Combine(target.Path, "fashion-mnist"), DatasetSplit.Train);
        Assert.That(cifarTest.Count, Is.EqualTo(4));
        Assert.That(fashionTrain.Count, Is.EqualTo(6));
    }

    [Test]
    public async Task FetchAsync_ChecksumMismatch_FailsAndLeavesNothing()
    {
        using var target = new TempDirectory();
        var body = new byte[] { 1, 2, 3 };
        using var server = new LoopbackHttpServer(new Dictionary<string, byte[]> { ["t10k-labels-idx1-ubyte.gz"] = body });
        using var http = new HttpClient();
        var archive = new DatasetArchive(server.BaseUrl + "t10k-labels-idx1-ubyte.gz", new string('0', 32));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new DatasetFetcher(http).FetchAsync(DatasetIds.FashionMnist, new DatasetSource([archive]), target.Path));

        Assert.That(error!.Message, Does.Contain("MD5").And.Contain(archive.Url));
        Assert.That(Directory.EnumerateFileSystemEntries(target.Path), Is.Empty);
    }

    private static DatasetArchive Archive(LoopbackHttpServer server, string name, byte[] body, string kind, string strip = "") =>
        new(server.BaseUrl + name, Convert.ToHexStringLower(MD5.HashData(body)), kind, strip);

    private static byte[] TarGz(string folder, string prefix)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var file in Directory.GetFiles(folder))
                tar.WriteEntry(file, prefix + Path.GetFileName(file));
        }
        return output.ToArray();
    }
}
