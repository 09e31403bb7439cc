using NUnit.Framework;
using Robustness.Cli.Commands;
using Robustness.Testing;

namespace Robustness.Cli.Tests;

public sealed class AdversaryCommandTests
{
    [Test]
    public void NormaliseArguments_QLongForms_BecomeShortOption() =>
        Assert.That(AdversaryCommand.NormaliseArguments(["adversary", "--q", "0.01", "--q=0.5", "--query-budget", "9"]),
            Is.EqualTo(new[] { "adversary", "-q", "0.01", "-q=0.5", "--query-budget", "9" }));

    [Test]
    public void Adversary_UnknownAdversary_OneErrorLineNamingItAndExitTwo()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 8);
        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "adversary", "--dataset", "fashion-mnist",
            "--profile", "smoke", "--adversary", "telepathic", "--data", temp.Path, "--artefacts", Path.Combine(temp.Path, "store"));
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error.Trim(), Does.StartWith("error:").And.Contain("telepathic").And.Contain("oracle-jacobian").And.Not.Contain("   at "));
    }

    [Test]
    public void Adversary_SmokeVanillaPureBlackBoxOnGeneratedFiles_PrintsAccuracyAndWritesCsv()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 40);
        var csv = Path.Combine(temp.Path, "out.csv");
        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(5), "adversary", "--dataset", "fashion-mnist",
            "--profile", "smoke", "--defense", "vanilla", "--adversary", "pure-blackbox", "--q", "0.5", "--attack", "fgsm", "--points", "10",
            "--data", temp.Path, "--artefacts", Path.Combine(temp.Path, "store"), "--csv", csv);
        Assert.That(exit, Is.Zero, output + error);
        Assert.That(output, Does.Contain("defense accuracy").And.Contain("queries 0").And.Contain("adversary pure-blackbox q=0.5"));
        var lines = File.ReadAllLines(csv);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("Dataset,Profile,Defense,Adversary,Attack"));
        Assert.That(lines[1], Does.StartWith("fashion-mnist,smoke,vanilla,pure-blackbox,fgsm,untargeted"));
    }

    [Test]
    public void Adversary_RerunLoadsSurrogate_PrintsAndWritesItsRecordedBuildTime()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 40);
        string[] Arguments(string csv) => ["adversary", "--dataset", "fashion-mnist", "--profile", "smoke", "--defense", "vanilla",
            "--adversary", "pure-blackbox", "--q", "0.5", "--attack", "fgsm", "--points", "10",
            "--data", temp.Path, "--artefacts", Path.Combine(temp.Path, "store"), "--csv", csv];
        var first = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(5), Arguments(Path.Combine(temp.Path, "first.csv")));
        var second = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(5), Arguments(Path.Combine(temp.Path, "second.csv")));
        Assert.That(first.ExitCode + second.ExitCode, Is.Zero, first.Output + first.Error + second.Output + second.Error);

        double Column(string file, string name)
        {
            var lines = File.ReadAllLines(Path.Combine(temp.Path, file));
            var index = Array.IndexOf(lines[0].Split(','), name);
            return double.Parse(lines[1].Split(',')[index], System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Multiple(() =>
        {
            Assert.That(first.Output, Does.Not.Contain("when built"));
            Assert.That(second.Output, Does.Contain("surrogate training 0.0 s (loaded;").And.Contain("when built"));
            Assert.That(Column("first.csv", "SurrogateTrainingSeconds"), Is.GreaterThan(0));
            Assert.That(Column("second.csv", "SurrogateTrainingSeconds"), Is.Zero);
            Assert.That(Column("second.csv", "SurrogateBuildSeconds"), Is.GreaterThan(0));
        });
    }
}
