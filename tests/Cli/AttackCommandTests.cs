using System.Globalization;
using NUnit.Framework;
using Robustness.Testing;

namespace Robustness.Cli.Tests;

public sealed class AttackCommandTests
{
    [Test]
    public void Attack_SmokeProfileGeneratedData_TableAndCsvWithOneRowPerEpsilon()
    {
        using var temp = new TempDirectory();
        DatasetFiles.WriteFashionMnist(temp.Path, count: 300, gzip: true);
        var csv = Path.Combine(temp.Path, "out", "fgsm.csv");
        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(5),
            "attack", "--profile", "smoke", "--dataset", "fashion-mnist", "--model", "small-cnn", "--attack", "fgsm",
            "--eps", "0.01,0.3", "-n", "40", "--epochs", "1", "--data", temp.Path, "--artefacts", Path.Combine(temp.Path, "store"),
            "--threads", "1", "--csv", csv);
        Assert.That(exit, Is.EqualTo(0), output + error);
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double Column(string[] row, string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("robust").And.Contain("fgsm"));
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows.Select(r => Column(r, "epsilon")), Is.EqualTo(new[] { 0.01, 0.3 }));
            Assert.That(rows.All(r => Column(r, "points") == 40), Is.True);
            Assert.That(Column(rows[1], "robustAccuracy"), Is.LessThanOrEqualTo(Column(rows[0], "robustAccuracy")));
            Assert.That(rows.All(r => Column(r, "meanLinf") is double.NaN || Column(r, "meanLinf") <= Column(r, "epsilon") * (1 + 1e-5)), Is.True);
        });
    }

    [Test]
    public void Attack_BadNorm_ErrorNamingTheOption()
    {
        using var temp = new TempDirectory();
        var (exit, output, error) = CliProcess.Run(temp.Path, TimeSpan.FromMinutes(2), "attack", "--norm", "l1");
        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(output + error, Does.Contain("--norm"));
    }
}
