using System.Diagnostics;
using Robustness.Evaluation.Reports;
using Robustness.Evaluation.Tests.Support;
using Robustness.Testing;

namespace Robustness.Evaluation.Tests.Reports;

public sealed class HtmlReportChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public void Write_ReportOpenedInHeadlessChromium_HasTablesAndFigures()
    {
        if (!File.Exists(Chromium)) Assert.Ignore($"{Chromium} is absent (Debian package 'chromium'); the HTML report check needs it.");
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var model = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, world.Store.Load("fake"));
        var html = ReportWriter.Write(model, output.Path);

        var dom = DumpDom(html, output.Path);

        Assert.Multiple(() =>
        {
            Assert.That(dom, Does.Contain("id=\"table-clean\"").And.Contain("id=\"table-white-box\"").And.Contain("id=\"table-checklist\"").And.Contain("id=\"table-standards\"").And.Contain("id=\"table-provenance\""));
            Assert.That(dom, Does.Contain("fake-rejector"));
            Assert.That(CountOf(dom, "<img"), Is.EqualTo(model.Figures.Count).And.GreaterThanOrEqualTo(2));
            Assert.That(CountOf(dom, "src=\"data:image/png;base64,"), Is.EqualTo(model.Figures.Count), "figures are embedded, not linked");
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(html)!, "report.md")), Is.True);
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(html)!, "clean.csv")), Is.True);
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(html)!, "report.json")), Is.True);
        });
    }

    [Test]
    public void Write_Twice_ReplacesTheReportAndLeavesNoStagingFolders()
    {
        using var world = new FakeWorld();
        world.Run();
        using var output = new TempDirectory();
        var model = ReportBuilder.Build(world.Store.FindRun("fake")!, world.Config, world.Store.Load("fake"), withFigures: false);
        ReportWriter.Write(model, output.Path);
        ReportWriter.Write(model, output.Path);
        Assert.That(Directory.GetDirectories(output.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "fake" }));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static string DumpDom(string htmlPath, string temp)
    {
        var profile = Directory.CreateDirectory(Path.Combine(temp, "chromium-profile")).FullName;
        var info = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", "file://" + htmlPath })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 120 s");
        }
        Assert.That(dom, Does.Contain("<table"), $"chromium produced no DOM; stderr: {stderr.Result}");
        return dom;
    }
}
