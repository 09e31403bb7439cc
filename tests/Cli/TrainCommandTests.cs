using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Robustness.Testing;

namespace Robustness.Cli.Tests;

public sealed partial class TrainCommandTests
{
    private const int Epochs = 6;

    private static string[] TrainArgs(string root) =>
    [
        "train", "--dataset", "fashion-mnist", "--profile", "smoke", "--model", "small-cnn", "--epochs", Epochs.ToString(),
        "--batch-size", "32", "--data", root, "--artefacts", Path.Combine(root, "store"), "--threads", "1",
    ];

    [Test]
    public void Train_KilledAfterFirstCheckpoint_ResumesFromItAndThenReusesTheArtefact()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 1500, gzip: true);
        var work = Path.Combine(temp.Path, "store", "work");

        using (var first = Process.Start(CliProcess.StartInfo(temp.Path, TrainArgs(temp.Path)))!)
        {
            var output = first.StandardOutput.ReadToEndAsync();
            var error = first.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            var killed = false;
            while (!killed && !first.HasExited && DateTime.UtcNow < deadline)
            {
                if (HasCheckpoint(work))
                {
                    first.Kill(entireProcessTree: true);
                    killed = true;
                }
                else Thread.Sleep(20);
            }
            first.WaitForExit();
            Assert.That(killed, Is.True, "the first run was not killed after a checkpoint: " + output.Result + error.Result);
            Assert.That(output.Result, Does.Not.Contain("clean test accuracy"), "the first run finished before the kill");
            first.WaitForExit();
        }

        var (exit, resumed, stderr) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(10), TrainArgs(temp.Path));
        Assert.That(exit, Is.EqualTo(0), resumed + stderr);
        var match = Resuming().Match(resumed);
        Assert.That(match.Success, Is.True, "the second run did not resume: " + resumed);
        var epoch = int.Parse(match.Groups[1].Value);
        Assert.That(epoch, Is.InRange(1, Epochs - 1));
        Assert.That(Regex.Matches(resumed, "epoch \\d+/6 done").Count, Is.EqualTo(Epochs - epoch), resumed);
        Assert.That(resumed, Does.Contain("(trained)").And.Contain("clean test accuracy"));

        var (again, reused, _) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(5), TrainArgs(temp.Path));
        Assert.That(again, Is.EqualTo(0));
        Assert.That(reused, Does.Contain("(reused)").And.Not.Contain("epoch 1/6 done"));
    }

    [Test]
    public void Train_UnknownModel_OneErrorLineAndExitTwo()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 20, gzip: false);
        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2),
            "train", "--dataset", "fashion-mnist", "--profile", "smoke", "--model", "no-such-net", "--data", temp.Path);
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error, Does.StartWith("error:").And.Contain("no-such-net").And.Not.Contain("   at "));
    }

    private static bool HasCheckpoint(string work) =>
        Directory.Exists(work) && Directory.GetDirectories(work).Any(d => Directory.GetDirectories(d, "epoch-*").Length > 0);

    [GeneratedRegex("resuming from epoch (\\d+)")]
    private static partial Regex Resuming();
}
