using System.Security.Cryptography;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Tests.Support;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Reports;

/// <summary>The report writer replaces its own files and never deletes anything it did not write.</summary>
public sealed class ReportWriterTests
{
    [Test]
    public void Write_FolderHoldsForeignFiles_KeepsThemAfterARewrite()
    {
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var model = Model(world, withFigures: false);
        var folder = Path.GetDirectoryName(ReportWriter.Write(model, output.Path))!;
        var notes = Path.Combine(folder, "notes.txt");
        var nested = Path.Combine(folder, "analysis", "extra.csv");
        File.WriteAllText(notes, "my notes");
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        File.WriteAllText(nested, "a,b\n1,2\n");
        File.WriteAllText(Path.Combine(folder, "report.md"), "stale");

        ReportWriter.Write(model, output.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(notes), Is.EqualTo("my notes"));
            Assert.That(File.ReadAllText(nested), Is.EqualTo("a,b\n1,2\n"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "report.md")), Is.EqualTo(MarkdownReport.Render(model)), "the writer's own file is replaced");
            Assert.That(Directory.GetDirectories(output.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "fake" }), "no staging folder left behind");
        });
    }

    [Test]
    public void Write_NewReportLacksAnOldFigure_RemovesOnlyTheFilesTheOldManifestListed()
    {
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var withFigures = Model(world, withFigures: true);
        Assume.That(withFigures.Figures, Is.Not.Empty);
        var folder = Path.GetDirectoryName(ReportWriter.Write(withFigures, output.Path))!;
        var figure = Path.Combine(folder, "figures", withFigures.Figures[0].FileName);
        var foreignFigure = Path.Combine(folder, "figures", "hand-drawn.png");
        File.WriteAllBytes(foreignFigure, [1, 2, 3]);
        Assume.That(File.Exists(figure), Is.True);

        ReportWriter.Write(Model(world, withFigures: false), output.Path);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(figure), Is.False, "a figure the writer wrote and the new report lacks is removed");
            Assert.That(File.ReadAllBytes(foreignFigure), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(File.ReadAllLines(Path.Combine(folder, ReportWriter.ManifestName)), Does.Contain("report.html").And.Not.Contain("figures/hand-drawn.png"));
        });
    }

    [Test]
    public void Write_ManifestEditedToPointOutsideTheFolder_LeavesThoseFilesAlone()
    {
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var reports = Path.Combine(output.Path, "reports");
        var model = Model(world, withFigures: false);
        var folder = Path.GetDirectoryName(ReportWriter.Write(model, reports))!;
        var outside = Path.Combine(output.Path, "precious.db");
        File.WriteAllText(outside, "data");
        File.AppendAllLines(Path.Combine(folder, ReportWriter.ManifestName), ["../../precious.db", outside, ".."]);

        ReportWriter.Write(model, reports);

        Assert.That(File.ReadAllText(outside), Is.EqualTo("data"));
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("")]
    [TestCase(".hidden")]
    public void Write_RunIdThatIsNotOneFolderName_ThrowsAndTouchesNothing(string runId)
    {
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var reports = Path.Combine(output.Path, "reports");
        Directory.CreateDirectory(Path.Combine(reports, "earlier-run"));
        File.WriteAllText(Path.Combine(reports, "earlier-run", "report.md"), "earlier");
        File.WriteAllText(Path.Combine(output.Path, "results.db"), "store");
        var before = Snapshot(output.Path);

        Assert.That(() => ReportWriter.Write(Model(world, withFigures: false) with { RunId = runId }, reports),
            Throws.ArgumentException.With.Message.Contain($"'{runId}'"));
        Assert.That(Snapshot(output.Path), Is.EqualTo(before));
    }

    private static ReportModel Model(FakeWorld world, bool withFigures) =>
        ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, world.Store.Load("fake"), withFigures: withFigures);

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "dir");
}
