using System.Security.Cryptography;
using System.Text.Json;
using NUnit.Framework;
using Robustness.Core.Data;
using Robustness.Testing;

namespace Robustness.Cli.Tests;

public sealed class DatasetsCommandTests
{
    [Test]
    public void Verify_TruncatedCifarFile_OneErrorLineNamingFileAndNonZeroExit()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 3);
        var path = Path.Combine(folder, "test_batch.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^7]);

        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "check", "cifar10", "--data", temp.Path);

        Assert.That(exit, Is.EqualTo(2), output + error);
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output + error);
        Assert.That(lines[0], Does.StartWith("error:").And.Contain(path).And.Not.Contain("   at "));
    }

    [Test]
    public void Check_WrongIdxMagic_OneErrorLineNamingFile()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteFashionMnist(temp.Path, count: 3, gzip: false);
        var path = Path.Combine(folder, "train-labels-idx1-ubyte");
        var bytes = File.ReadAllBytes(path);
        bytes[2] = 0x09;
        File.WriteAllBytes(path, bytes);

        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "check", "fashion-mnist", "--data", temp.Path);

        Assert.That(exit, Is.EqualTo(2), output + error);
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output + error);
        Assert.That(lines[0], Does.Contain(path).And.Contain("magic"));
    }

    [Test]
    public void Fetch_LoopbackMirror_DownloadsVerifiesAndUnpacks()
    {
        using var temp = new TempDirectory();
        var source = DatasetFiles.WriteFashionMnist(Path.Combine(temp.Path, "src"), count: 5, gzip: true);
        var served = Directory.GetFiles(source).Where(f => Path.GetFileName(f) != DatasetSizes.ReducedCopyMarker).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        using var server = new LoopbackHttpServer(served);
        var sources = Path.Combine(temp.Path, "sources.json");
        File.WriteAllText(sources, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["fashion-mnist"] = new { archives = served.Select(kv => new { url = server.BaseUrl + kv.Key, md5 = Convert.ToHexStringLower(MD5.HashData(kv.Value)), kind = "file" }) },
        }));
        var target = Path.Combine(temp.Path, "data");

        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "fetch", "fashion-mnist", "--to", target, "--sources", sources);

        Assert.That(exit, Is.EqualTo(0), output + error);
        Assert.That(Directory.GetFiles(Path.Combine(target, "fashion-mnist")), Has.Length.EqualTo(4));
        DatasetSizes.MarkReducedCopy(Path.Combine(target, "fashion-mnist")); // the mirror served generated files
        var check = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "check", "fashion-mnist", "--data", target);
        Assert.That(check.ExitCode, Is.EqualTo(0), check.Output + check.Error);
    }
}
