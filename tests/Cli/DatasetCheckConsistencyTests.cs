using NUnit.Framework;
using Robustness.Testing;

namespace Robustness.Cli.Tests;

/// <summary>Issue 18, item 8 through the CLI: `datasets check` and `datasets verify` agree on symbolic links, and a cut batch fails check.</summary>
public sealed class DatasetCheckConsistencyTests
{
    [Test]
    public void Check_CifarBatchCutToWholeRecords_ExitTwoNamingTheFile()
    {
        using var temp = new TempDirectory();
        var folder = DatasetFiles.WriteCifar10(temp.Path, recordsPerFile: 2);
        File.Delete(Path.Combine(folder, Core.Data.DatasetSizes.ReducedCopyMarker));
        var cut = Path.Combine(folder, "data_batch_1.bin");
        File.WriteAllBytes(cut, new byte[5_000 * 3073]);

        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "check", "cifar10", "--data", temp.Path);

        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error.Trim(), Does.StartWith("error:").And.Contain(cut).And.Contain("5,000 records").And.Not.Contain("   at "));
    }

    [Test]
    public void Check_CifarFilesAreSymbolicLinks_AcceptedLikeVerifyAcceptsThem()
    {
        using var temp = new TempDirectory();
        var real = DatasetFiles.WriteCifar10(Path.Combine(temp.Path, "elsewhere"), recordsPerFile: 3);
        var linked = Directory.CreateDirectory(Path.Combine(temp.Path, "data", "cifar-10-batches-bin")).FullName;
        foreach (var file in Directory.GetFiles(real)) File.CreateSymbolicLink(Path.Combine(linked, Path.GetFileName(file)), file);

        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "datasets", "check", "cifar10", "--data", Path.Combine(temp.Path, "data"));

        Assert.That(exit, Is.Zero, output + error);
        Assert.That(output, Does.Contain("15").And.Contain("3"));
    }
}
